import { describe, expect, it } from 'vitest';
import { localText } from './date-format.js';
import { excelSerialToWallTime } from './excel-serial.js';

function text(serial: number): string | null {
  const v = excelSerialToWallTime(serial);
  return v === null ? null : localText(v);
}

describe('excelSerialToWallTime', () => {
  it('reads whole days as dates without a time', () => {
    expect(excelSerialToWallTime(43831)).toEqual({
      y: 2020,
      mo: 1,
      d: 1,
      h: 0,
      mi: 0,
      s: 0,
      ms: 0,
      hasTime: false,
      offsetMinutes: null,
    });
    expect(text(43830)).toBe('2019-12-31T00:00:00');
    expect(text(43890)).toBe('2020-02-29T00:00:00');
    expect(text(2958465)).toBe('9999-12-31T00:00:00');
  });

  it('reads the fraction as the time of day', () => {
    expect(excelSerialToWallTime(43831.5)).toMatchObject({
      y: 2020,
      mo: 1,
      d: 1,
      h: 12,
      mi: 0,
      hasTime: true,
    });
    expect(text(43831.75)).toBe('2020-01-01T18:00:00');
    expect(text(43831 + (13 * 3600 + 14 * 60 + 15) / 86400)).toBe('2020-01-01T13:14:15');
  });

  it('handles the 1900 leap-year bug: 60 is the fictitious 1900-02-29 (rejected), 61 is 1900-03-01', () => {
    expect(excelSerialToWallTime(60)).toBeNull();
    expect(excelSerialToWallTime(60.5)).toBeNull();
    expect(excelSerialToWallTime(59)).toBeNull();
    expect(excelSerialToWallTime(1)).toBeNull();
    expect(text(61)).toBe('1900-03-01T00:00:00');
    expect(text(61.25)).toBe('1900-03-01T06:00:00');
    expect(text(62)).toBe('1900-03-02T00:00:00');
  });

  it('rounds to the nearest whole second', () => {
    const base = 43831 + (12 * 3600 + 30 * 60) / 86400; // 12:30:00
    expect(text(base + 29.4 / 86400)).toBe('2020-01-01T12:30:29');
    expect(text(base + 29.6 / 86400)).toBe('2020-01-01T12:30:30');
    expect(text(base + 0.0004 / 86400)).toBe('2020-01-01T12:30:00');
    expect(text(base - 0.0004 / 86400)).toBe('2020-01-01T12:30:00');
    // 23:59:59.6 rounds into the next day.
    expect(text(43831 + 86399.6 / 86400)).toBe('2020-01-02T00:00:00');
    expect(excelSerialToWallTime(43831.1234567)?.ms).toBe(0);
    // A time typed as 14:05 in Excel is stored as the nearest binary fraction and must come back as 14:05.
    for (let minute = 0; minute < 24 * 60; minute++) {
      const t = text(43831 + minute / 1440);
      const want = `2020-01-01T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
      if (t !== want) expect.fail(`minute ${minute}: ${t} ≠ ${want}`);
    }
  });

  it('rejects what is not a usable serial', () => {
    for (const s of [0, -1, 2958466, NaN, Infinity, -Infinity]) expect(excelSerialToWallTime(s)).toBeNull();
  });
});
