import { describe, expect, it } from 'vitest';
import { compileDateFormat, dateFormatParts, localText, ymdText, type LocalDateTime } from './date-format.js';

function wall(parts: Partial<LocalDateTime>): LocalDateTime {
  return { y: 0, mo: 1, d: 1, h: 0, mi: 0, s: 0, ms: 0, hasTime: true, offsetMinutes: null, ...parts };
}

describe('compileDateFormat with a pattern', () => {
  it('reads yyyy-MM-dd HH:mm', () => {
    const read = compileDateFormat('yyyy-MM-dd HH:mm');
    expect(read('2019-04-23 07:05')).toEqual(wall({ y: 2019, mo: 4, d: 23, h: 7, mi: 5 }));
    expect(read('  2019-12-31 23:59 ')).toEqual(wall({ y: 2019, mo: 12, d: 31, h: 23, mi: 59 }));
    // Fixed-width tokens want exactly their digits.
    expect(read('2019-4-23 07:05')).toBe('format');
    expect(read('2019-04-23 7:05')).toBe('format');
    expect(read('19-04-23 07:05')).toBe('format');
    expect(read('2019-04-23')).toBe('format');
    expect(read('2019/04/23 07:05')).toBe('format');
    expect(read('')).toBe('format');
  });

  it('reads dd/MM/yyyy HH:mm, day first', () => {
    const read = compileDateFormat('dd/MM/yyyy HH:mm');
    expect(read('05/03/2019 18:45')).toEqual(wall({ y: 2019, mo: 3, d: 5, h: 18, mi: 45 }));
    expect(read('13/12/2019 00:00')).toEqual(wall({ y: 2019, mo: 12, d: 13 }));
    // Month first is not silently accepted: month 13 is no month.
    expect(read('12/13/2019 00:00')).toBe('impossible');
  });

  it('reads d/M/yy with one- or two-digit fields and a 1970–2069 century window', () => {
    const read = compileDateFormat('d/M/yy');
    expect(read('5/3/19')).toEqual(wall({ y: 2019, mo: 3, d: 5, hasTime: false }));
    expect(read('05/03/19')).toEqual(wall({ y: 2019, mo: 3, d: 5, hasTime: false }));
    expect(read('31/12/69')).toEqual(wall({ y: 2069, mo: 12, d: 31, hasTime: false }));
    expect(read('1/1/70')).toEqual(wall({ y: 1970, mo: 1, d: 1, hasTime: false }));
    expect(read('1/1/00')).toEqual(wall({ y: 2000, mo: 1, d: 1, hasTime: false }));
    expect(read('5/3/2019')).toBe('format'); // yy is exactly two digits
    expect(read('5/3/9')).toBe('format');
    expect(read('123/3/19')).toBe('format'); // d is one or two digits
  });

  it('reads H alone as a time of day', () => {
    const read = compileDateFormat('H');
    expect(read('0')).toEqual(wall({ h: 0 }));
    expect(read('7')).toEqual(wall({ h: 7 }));
    expect(read('07')).toEqual(wall({ h: 7 }));
    expect(read('23')).toEqual(wall({ h: 23 }));
    expect(read('24')).toBe('impossible');
    expect(read('123')).toBe('format');
    expect(read('7h')).toBe('format');
    expect(read('')).toBe('format');
  });

  it('reads seconds and 1–3 digit milliseconds (SSS)', () => {
    const read = compileDateFormat('yyyy-MM-dd HH:mm:ss.SSS');
    expect(read('2019-04-23 12:30:15.5')).toMatchObject({ s: 15, ms: 500 });
    expect(read('2019-04-23 12:30:15.05')).toMatchObject({ s: 15, ms: 50 });
    expect(read('2019-04-23 12:30:15.005')).toMatchObject({ s: 15, ms: 5 });
    expect(read('2019-04-23 12:30:15.0005')).toBe('format');
    expect(read('2019-04-23 12:30:60.000')).toBe('impossible');
  });

  it("tells a text that does not match ('format') from a date that does not exist ('impossible')", () => {
    const dt = compileDateFormat('dd/MM/yyyy HH:mm');
    expect(dt('31/02/2019 10:00')).toBe('impossible');
    expect(dt('29/02/2019 10:00')).toBe('impossible');
    expect(dt('29/02/2020 10:00')).toEqual(wall({ y: 2020, mo: 2, d: 29, h: 10 }));
    expect(dt('29/02/1900 10:00')).toBe('impossible'); // century, not a leap year
    expect(dt('29/02/2000 10:00')).toMatchObject({ y: 2000, mo: 2, d: 29 }); // 400-year rule
    expect(dt('31/04/2019 10:00')).toBe('impossible');
    expect(dt('00/01/2019 10:00')).toBe('impossible');
    expect(dt('01/00/2019 10:00')).toBe('impossible');
    expect(dt('01/13/2019 10:00')).toBe('impossible');
    expect(dt('01/01/2019 24:00')).toBe('impossible');
    expect(dt('01/01/2019 12:60')).toBe('impossible');
    expect(dt('01/01/2019 23:59')).toMatchObject({ h: 23, mi: 59 });
    expect(dt('aa/01/2019 10:00')).toBe('format');
    expect(dt('01-01-2019 10:00')).toBe('format');
  });

  it('rejects trailing garbage and missing parts as format errors', () => {
    const dt = compileDateFormat('dd/MM/yyyy HH:mm');
    expect(dt('01/01/2019 10:00x')).toBe('format');
    expect(dt('01/01/2019 10:00:00')).toBe('format');
    expect(dt('01/01/2019 10:001')).toBe('format');
    expect(dt('01/01/2019 10')).toBe('format');
    expect(dt('01/01/2019')).toBe('format');
    const d = compileDateFormat('yyyy-MM-dd');
    expect(d('2019-01-01 00:00')).toBe('format');
    expect(d('2019-01-01T')).toBe('format');
    expect(d('2019-01-011')).toBe('format');
  });

  it('marks date-only patterns hasTime=false and leaves the offset unknown', () => {
    expect(compileDateFormat('yyyy-MM-dd')('2019-04-23')).toEqual(
      wall({ y: 2019, mo: 4, d: 23, hasTime: false, offsetMinutes: null }),
    );
  });
});

describe("compileDateFormat('iso')", () => {
  const iso = compileDateFormat('iso');

  it('reads a date only', () => {
    expect(iso('2019-04-23')).toEqual(wall({ y: 2019, mo: 4, d: 23, hasTime: false }));
  });

  it('reads local date-times with T or a space, with or without seconds', () => {
    expect(iso('2019-04-23T12:30')).toEqual(wall({ y: 2019, mo: 4, d: 23, h: 12, mi: 30 }));
    expect(iso('2019-04-23 12:30')).toEqual(wall({ y: 2019, mo: 4, d: 23, h: 12, mi: 30 }));
    expect(iso('2019-04-23T12:30:45')).toEqual(wall({ y: 2019, mo: 4, d: 23, h: 12, mi: 30, s: 45 }));
  });

  it('reads Z and numeric offsets as minutes east of UTC', () => {
    expect(iso('2019-04-23T12:30:00Z')).toMatchObject({ h: 12, mi: 30, offsetMinutes: 0 });
    expect(iso('2019-04-23T12:30:00+02:00')).toMatchObject({ h: 12, offsetMinutes: 120 });
    expect(iso('2019-04-23T12:30:00+0200')).toMatchObject({ offsetMinutes: 120 });
    expect(iso('2019-04-23T12:30:00-05:00')).toMatchObject({ offsetMinutes: -300 });
    expect(iso('2019-04-23T12:30:00+05:30')).toMatchObject({ offsetMinutes: 330 });
    expect(iso('2019-04-23T12:30:00-03:30')).toMatchObject({ offsetMinutes: -210 });
    expect(iso('2019-04-23T12:30Z')).toMatchObject({ h: 12, mi: 30, s: 0, offsetMinutes: 0 });
    expect(iso('2019-04-23T12:30:00')).toMatchObject({ offsetMinutes: null });
  });

  it('reads fractional seconds to whole milliseconds (truncated), with . or ,', () => {
    expect(iso('2019-04-23T12:30:00.5Z')).toMatchObject({ s: 0, ms: 500, offsetMinutes: 0 });
    expect(iso('2019-04-23 12:30:07.123')).toMatchObject({ s: 7, ms: 123 });
    expect(iso('2019-04-23T12:30:07.123456789+02:00')).toMatchObject({ s: 7, ms: 123, offsetMinutes: 120 });
    expect(iso('2019-04-23T12:30:07,25')).toMatchObject({ s: 7, ms: 250 });
    expect(iso('2019-04-23T12:30:07.9999')).toMatchObject({ s: 7, ms: 999 });
    // Every 3-digit fraction survives the float arithmetic exactly.
    for (let k = 0; k < 1000; k++) {
      const r = iso(`2019-04-23T00:00:00.${String(k).padStart(3, '0')}`);
      if (typeof r === 'string' || r.ms !== k) expect.fail(`fraction .${k} read as ${JSON.stringify(r)}`);
    }
  });

  it('rejects impossible dates and times', () => {
    expect(iso('2019-02-29')).toBe('impossible');
    expect(iso('2020-02-29')).toMatchObject({ y: 2020, mo: 2, d: 29 });
    expect(iso('2019-02-31T10:00:00Z')).toBe('impossible');
    expect(iso('2019-04-23T24:00')).toBe('impossible');
    expect(iso('2019-04-23T12:60')).toBe('impossible');
    expect(iso('2019-04-23T12:30:60')).toBe('impossible');
    expect(iso('2019-13-01')).toBe('impossible');
  });

  it('rejects what is not ISO 8601 as a format error', () => {
    expect(iso('2019-04-23T12:30:00Zjunk')).toBe('format');
    expect(iso('2019-04-23T12:30:00+02')).toBe('format');
    expect(iso('2019-04-23T12')).toBe('format');
    expect(iso('2019-4-23')).toBe('format');
    expect(iso('23/04/2019')).toBe('format');
    expect(iso('2019-04-23T12:30:00.')).toBe('format');
    expect(iso('20190423')).toBe('format');
    expect(iso('')).toBe('format');
  });
});

describe('ymdText / localText', () => {
  it('zero-pads', () => {
    const v = wall({ y: 987, mo: 3, d: 4, h: 5, mi: 6, s: 7 });
    expect(ymdText(v)).toBe('0987-03-04');
    expect(localText(v)).toBe('0987-03-04T05:06:07');
  });
});

describe('compileDateFormat: implausible years', () => {
  it('rejects years before 1900 or after 2999 as impossible (typing errors such as 0019)', () => {
    const read = compileDateFormat('dd/MM/yyyy');
    expect(read('01/01/0019')).toBe('impossible');
    expect(read('01/01/1899')).toBe('impossible');
    expect(read('01/01/3000')).toBe('impossible');
    expect(typeof read('01/01/1900')).toBe('object');
    expect(compileDateFormat('iso')('0019-04-23T10:00')).toBe('impossible');
  });

  it('lets checkYear: false read Excel day-0 time cells', () => {
    const v = compileDateFormat('iso', { checkYear: false })('1899-12-30 12:30:00');
    expect(v).toMatchObject({ y: 1899, h: 12, mi: 30 });
  });
});

describe("compileDateFormat('iso'): offsets", () => {
  it('refuses offsets beyond ±14:00 or with minutes over 59', () => {
    const iso = compileDateFormat('iso');
    expect(iso('2019-04-23T10:00+25:00')).toBe('impossible');
    expect(iso('2019-04-23T10:00+05:60')).toBe('impossible');
    expect(iso('2019-04-23T10:00+14:00')).toMatchObject({ offsetMinutes: 840 });
  });
});

describe('compileDateFormat: 12-hour clock (h, hh, a)', () => {
  const read = compileDateFormat('MM/dd/yyyy h:mm:ss a');
  it('reads AM and PM times as Seattle CAD writes them', () => {
    expect(read('11/04/2023 6:08:26 PM')).toMatchObject({ y: 2023, mo: 11, d: 4, h: 18, mi: 8, s: 26 });
    expect(read('01/20/2019 7:42:04 am')).toMatchObject({ h: 7, mi: 42, s: 4, hasTime: true });
  });
  it('maps 12 AM to midnight and 12 PM to noon', () => {
    expect(read('12/31/2019 12:00:01 AM')).toMatchObject({ d: 31, h: 0, s: 1 });
    expect(read('12/31/2019 12:59:59 PM')).toMatchObject({ h: 12, mi: 59 });
  });
  it('refuses a missing marker, hour 0 or 13, and other markers', () => {
    expect(read('11/04/2023 6:08:26')).toBe('format');
    expect(read('11/04/2023 0:08:26 AM')).toBe('impossible');
    expect(read('11/04/2023 13:08:26 PM')).toBe('impossible');
    expect(read('11/04/2023 6:08:26 XM')).toBe('format');
  });
  it('counts h with a as a time format', () => {
    expect(dateFormatParts('MM/dd/yyyy h:mm a').hour).toBe(true);
    expect(dateFormatParts('MM/dd/yyyy h:mm').hour).toBe(false);
  });
});
