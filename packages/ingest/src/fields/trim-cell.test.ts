import { describe, expect, it } from 'vitest';
import { trimCell } from './trim-cell.js';

describe('trimCell', () => {
  it('gives what trim() gives, for plain cells and every kind of white space at either end', () => {
    const spaces = [
      ' ',
      '\t',
      '\n',
      '\r',
      '\v',
      '\f',
      '\u00a0',
      '\u1680',
      '\u2003',
      '\u2028',
      '\u202f',
      '\u3000',
      '\ufeff',
    ];
    const cores = ['', 'a', '7', '-87.6277', '2019-01-01 10:00', 'ñandú', '😀', 'a b', '~', '!'];
    let cases = 0;
    for (const core of cores) {
      for (const s of ['', ...spaces]) {
        for (const text of [core, s + core, core + s, s + core + s]) {
          expect([text, trimCell(text)]).toEqual([text, text.trim()]);
          cases++;
        }
      }
    }
    expect(cases).toBe(cores.length * (spaces.length + 1) * 4);
  });
});
