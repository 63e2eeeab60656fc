import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-helpers/temp-files.js';
import { completeLength, isUtf8File } from './detect.js';

const tmp = useTempDir('vigia-detect-');

/** The reference answer: a fatal TextDecoder over the whole file. */
function decodes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const MIB = 1 << 20;

/** `size` bytes of ASCII with `tail` written so that it ends `at` bytes after the first 1 MiB read. */
function straddling(tail: number[], offset: number, size = MIB + 64): Uint8Array {
  const bytes = new Uint8Array(size).fill(0x61);
  bytes.set(tail, MIB - offset);
  return bytes;
}

describe('isUtf8File', () => {
  it('answers as a fatal TextDecoder for characters split between two 1 MiB reads, valid or not', async () => {
    const sequences: number[][] = [
      [0xc3, 0xb1], // ñ
      [0xe2, 0x82, 0xac], // €
      [0xf0, 0x9f, 0x98, 0x80], // 😀
      [0xc3, 0x41], // lead byte without its continuation
      [0xe2, 0x82, 0x41], // three-byte character cut short
      [0x80, 0x80], // continuation bytes without a lead
      [0xc0, 0xaf], // overlong "/"
      [0xed, 0xa0, 0x80], // UTF-16 surrogate
      [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
      [0xff], // never valid
    ];
    let cases = 0;
    for (const [n, seq] of sequences.entries()) {
      for (let offset = 0; offset <= seq.length; offset++) {
        const bytes = straddling(seq, offset);
        const file = await tmp.write(`s${n}-${offset}.txt`, bytes);
        expect([n, offset, await isUtf8File(file)]).toEqual([n, offset, decodes(bytes)]);
        cases++;
      }
    }
    expect(cases).toBe(36);
  });

  it('rejects a file that ends inside a character, at a read boundary or not, and accepts a BOM', async () => {
    const cut = straddling([0xe2, 0x82], 2, MIB);
    expect(decodes(cut)).toBe(false);
    expect(await isUtf8File(await tmp.write('cut-at-read.txt', cut))).toBe(false);
    expect(await isUtf8File(await tmp.write('cut.txt', new Uint8Array([0x61, 0xf0, 0x9f])))).toBe(false);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xb1]);
    expect(await isUtf8File(await tmp.write('bom.txt', bom))).toBe(true);
    expect(await isUtf8File(await tmp.write('empty.txt', new Uint8Array(0)))).toBe(true);
  });
});

describe('completeLength', () => {
  it('drops only a last character that starts but does not finish', () => {
    const len = (bytes: number[]) => completeLength(new Uint8Array(bytes));
    expect(len([])).toBe(0);
    expect(len([0x61, 0x62])).toBe(2);
    expect(len([0x61, 0xc3])).toBe(1);
    expect(len([0x61, 0xc3, 0xb1])).toBe(3);
    expect(len([0x61, 0xe2, 0x82])).toBe(1);
    expect(len([0x61, 0xf0, 0x9f, 0x98])).toBe(1);
    expect(len([0x61, 0xf0, 0x9f, 0x98, 0x80])).toBe(5);
    expect(len([0x80, 0x80, 0x80])).toBe(3); // no lead in reach: isUtf8 judges
  });
});
