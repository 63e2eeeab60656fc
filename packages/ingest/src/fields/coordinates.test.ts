import { describe, expect, it } from 'vitest';
import { readCoordinates } from './coordinates.js';

describe('readCoordinates', () => {
  it('reads dot decimals, signs and surrounding spaces', () => {
    expect(readCoordinates('-87.6298', '41.8781', '.')).toEqual({ kind: 'ok', lon: -87.6298, lat: 41.8781 });
    expect(readCoordinates(' -79.5 ', ' +8.99', '.')).toEqual({ kind: 'ok', lon: -79.5, lat: 8.99 });
    expect(readCoordinates('-.5', '10.', '.')).toEqual({ kind: 'ok', lon: -0.5, lat: 10 });
    expect(readCoordinates('-180', '-90', '.')).toEqual({ kind: 'ok', lon: -180, lat: -90 });
    expect(readCoordinates('180', '90', '.')).toEqual({ kind: 'ok', lon: 180, lat: 90 });
  });

  it('reads comma decimals', () => {
    expect(readCoordinates('-75,5698', '6,2518', ',')).toEqual({ kind: 'ok', lon: -75.5698, lat: 6.2518 });
    expect(readCoordinates('-75', '6', ',')).toEqual({ kind: 'ok', lon: -75, lat: 6 });
    expect(readCoordinates(',5', '-,25', ',')).toEqual({ kind: 'ok', lon: 0.5, lat: -0.25 });
  });

  it('does not take the other separator as a decimal point', () => {
    expect(readCoordinates('-75.5698', '6,2518', ',')).toEqual({
      kind: 'bad',
      column: 'longitude',
      value: '-75.5698',
    });
    expect(readCoordinates('-87.6', '41,8', '.')).toEqual({ kind: 'bad', column: 'latitude', value: '41,8' });
  });

  it('gives none for empty, 0,0 and half-empty pairs', () => {
    expect(readCoordinates('', '', '.')).toEqual({ kind: 'none' });
    expect(readCoordinates('  ', '\t', ',')).toEqual({ kind: 'none' });
    expect(readCoordinates('0', '0', '.')).toEqual({ kind: 'none' });
    expect(readCoordinates('0.000', '-0.0', '.')).toEqual({ kind: 'none' });
    expect(readCoordinates('0,0', '0', ',')).toEqual({ kind: 'none' });
    expect(readCoordinates('-87.6', '', '.')).toEqual({ kind: 'none' });
    expect(readCoordinates('', '41.8', '.')).toEqual({ kind: 'none' });
    // Only both zero is "null island": one zero is a real (if unlikely) place.
    expect(readCoordinates('0', '41.8', '.')).toEqual({ kind: 'ok', lon: 0, lat: 41.8 });
  });

  it("reports 'N/D' and other text as bad, naming the column and keeping the raw value", () => {
    expect(readCoordinates('N/D', '41.8', '.')).toEqual({ kind: 'bad', column: 'longitude', value: 'N/D' });
    expect(readCoordinates('-87.6', 'N/D', '.')).toEqual({ kind: 'bad', column: 'latitude', value: 'N/D' });
    expect(readCoordinates('N/D', '', '.')).toEqual({ kind: 'bad', column: 'longitude', value: 'N/D' });
    expect(readCoordinates('', ' N/D ', '.')).toEqual({ kind: 'bad', column: 'latitude', value: ' N/D ' });
    for (const text of ['.', '-', '1e5', 'Infinity', 'NaN', '0x10', '12 34', '--5', '87.6W', '1.2.3'])
      expect(readCoordinates(text, '41.8', '.')).toMatchObject({ kind: 'bad', column: 'longitude' });
  });

  it('reports values outside ±180 / ±90 as bad', () => {
    expect(readCoordinates('180.0001', '41.8', '.')).toEqual({
      kind: 'bad',
      column: 'longitude',
      value: '180.0001',
    });
    expect(readCoordinates('-87.6', '-90.5', '.')).toEqual({
      kind: 'bad',
      column: 'latitude',
      value: '-90.5',
    });
    // Swapped lat/lon in Bangkok: longitude 100.5 read as latitude is out of range.
    expect(readCoordinates('13.75', '100.5', '.')).toEqual({
      kind: 'bad',
      column: 'latitude',
      value: '100.5',
    });
    expect(readCoordinates('-875698', '62518', ',')).toMatchObject({ kind: 'bad', column: 'longitude' });
  });

  it('rejects thousands separators', () => {
    expect(readCoordinates('1,234.5', '10', '.')).toMatchObject({ kind: 'bad', column: 'longitude' });
    expect(readCoordinates('1.234,5', '10', ',')).toMatchObject({ kind: 'bad', column: 'longitude' });
    expect(readCoordinates('10', '1 234,5', ',')).toMatchObject({ kind: 'bad', column: 'latitude' });
    expect(readCoordinates('1,234,5', '10', ',')).toMatchObject({ kind: 'bad', column: 'longitude' });
  });
});

describe('readCoordinates number reading', () => {
  /** Deterministic pseudo-random numbers in [0, 1). */
  function random(seed: number): () => number {
    let s = seed >>> 0;
    return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
  }

  it('reads exactly what Number() reads, and gives String() of it from the text, up to 15 significant digits', () => {
    const r = random(3);
    const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');
    const texts = [
      '0',
      '-0',
      '+0',
      '00',
      '0.0',
      '0.5',
      '-0.5',
      '.5',
      '5.',
      '5.10',
      '10',
      '100',
      '-87.6277',
      '41.7922',
      '1e5',
      '0.000001',
      '0.0000001',
      '0.0000015',
      '123456789012345',
      '1234567890123456',
      '179.9999999999999',
      '-179.99999999999999',
      '0.1',
      '0.30000000000000004',
      '007',
      '-',
      '+',
      '.',
      '',
      '1.2.3',
      '١٢',
    ];
    for (let i = 0; i < 20_000; i++) {
      const sign = ['', '-', '+'][Math.floor(r() * 3)]!;
      const int = r() < 0.1 ? '' : digits(1 + Math.floor(r() * 4));
      const frac = r() < 0.2 ? '' : `.${digits(Math.floor(r() * 18))}`;
      texts.push(`${sign}${int}${frac}`);
    }
    const DOT_RE = /^[+-]?(\d+\.?\d*|\.\d+)$/;
    const texts2 = { lon: null as string | null, lat: null as string | null };
    for (const t of texts) {
      const res = readCoordinates(t, '1', '.', texts2);
      if (!DOT_RE.test(t)) {
        if (t !== '') expect(res).toMatchObject({ kind: 'bad' });
        continue;
      }
      const v = Number(t);
      if (Math.abs(v) > 180) {
        expect(res).toMatchObject({ kind: 'bad' });
      } else if (res.kind === 'ok') {
        expect(Object.is(res.lon, v)).toBe(true);
        expect(texts2.lon === null || texts2.lon === String(v)).toBe(true);
        // Given whenever the text has up to 15 significant digits (longer ones take the slow path) and
        // String(v) has no exponent; the very text when it is String(v).
        const significant = t.replace(/\D/g, '').replace(/^0+/, '').length;
        if (significant <= 15 && (v === 0 || Math.abs(v) >= 1e-6))
          expect([t, texts2.lon]).toEqual([t, String(v)]);
        if (String(v) === t && significant <= 15) expect(texts2.lon).toBe(t);
      }
    }
    // Decimal comma: same values, and String(v) with a point.
    for (const t of ['-75,5698', '6,25', '-75', ',5', '0', '-0,50', '+007,250']) {
      const res = readCoordinates(t, '1', ',', texts2);
      const v = Number(t.replace(',', '.'));
      expect(res).toMatchObject({ kind: 'ok', lon: v });
      expect(texts2.lon).toBe(String(v));
    }
  });
});
