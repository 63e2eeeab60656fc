import { isValidYmd } from '@vigia/domain';
import { trimCell } from './trim-cell.js';

/**
 * Parsed local wall time, before any time zone is applied. `hasTime` is false for a date-only value.
 */
export interface LocalDateTime {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  hasTime: boolean;
  /** Offset in minutes east of UTC when the text carried one (`Z`, `+02:00`), else null. */
  offsetMinutes: number | null;
}

/** Why a date text was rejected: it does not match the format, or it matches but is not a real date. */
export type DateParseFailure = 'format' | 'impossible';

/** A compiled date/time reader: returns the wall time or the kind of failure. */
export type DateReader = (text: string) => LocalDateTime | DateParseFailure;

const TOKENS = ['yyyy', 'SSS', 'yy', 'MM', 'dd', 'HH', 'hh', 'mm', 'ss', 'M', 'd', 'H', 'h', 'a'] as const;
type Token = (typeof TOKENS)[number];
type Part = { token: Token } | { literal: string };

function tokenize(pattern: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  outer: while (i < pattern.length) {
    for (const t of TOKENS) {
      if (pattern.startsWith(t, i)) {
        parts.push({ token: t });
        i += t.length;
        continue outer;
      }
    }
    parts.push({ literal: pattern[i]! });
    i++;
  }
  return parts;
}

/** Which parts of a date a format reads (`iso` reads them all). */
export function dateFormatParts(pattern: string): {
  year: boolean;
  month: boolean;
  day: boolean;
  hour: boolean;
} {
  if (pattern === 'iso') return { year: true, month: true, day: true, hour: true };
  const tokens = new Set(tokenize(pattern).flatMap((p) => ('token' in p ? [p.token] : [])));
  return {
    year: tokens.has('yyyy') || tokens.has('yy'),
    month: tokens.has('MM') || tokens.has('M'),
    day: tokens.has('dd') || tokens.has('d'),
    hour: tokens.has('HH') || tokens.has('H') || ((tokens.has('hh') || tokens.has('h')) && tokens.has('a')),
  };
}

/**
 * Compiles a date/time format such as `dd/MM/yyyy HH:mm` into a fast reader.
 *
 * Tokens: `yyyy` (4-digit year), `yy` (2-digit year, 1970–2069), `MM`/`dd`/`HH`/`mm`/`ss` (exactly two
 * digits), `M`/`d`/`H` (one or two digits), `SSS` (milliseconds, 1–3 digits), and for a 12-hour clock
 * `hh`/`h` (hour 1–12) with `a` (AM or PM, any case: 12:05 AM is 00:05, 12:05 PM is 12:05; the same
 * letters as luxon and Unicode LDML). Other characters must
 * match literally. The special format `iso` reads ISO 8601 (`2019-04-23`, `2019-04-23T12:30`,
 * `2019-04-23 12:30:00.5Z`, `...+02:00`). Seconds are optional in `iso` only.
 *
 * Why not luxon's `fromFormat`: measured at 28 µs per call here, it alone would cap imports near
 * 35,000 rows/s against a target of 250,000; this reader does one pass over the characters.
 * Zone conversion still uses luxon (see zone-converter.ts).
 *
 * `options.checkYear: false` skips the 1900–2999 year check (for Excel time cells, dated 1899-12-30).
 *
 * @returns a reader giving the wall time, `'format'` when the text does not match, or `'impossible'`
 *   when it matches but names no calendar date or clock time (31/02, 24:61) or a year outside
 *   1900–2999 (a typing error such as "0019").
 */
export function compileDateFormat(pattern: string, options: { checkYear?: boolean } = {}): DateReader {
  const checkYear = options.checkYear ?? true;
  if (pattern === 'iso') return (text) => readIso(text, checkYear);
  const parts = tokenize(pattern);
  const hasTime = parts.some(
    (p) => 'token' in p && (p.token === 'HH' || p.token === 'H' || p.token === 'hh' || p.token === 'h'),
  );
  const twelveHour = parts.some((p) => 'token' in p && (p.token === 'hh' || p.token === 'h'));
  const hasYear = checkYear && parts.some((p) => 'token' in p && (p.token === 'yyyy' || p.token === 'yy'));
  // The parts as numbers, so each row is one pass over small integer arrays: what a part is (a
  // literal character, a number into a field, the AM/PM marker), the literal's code, the field, and
  // the digits a number takes (exactly `fixed`, or 1 to `most`).
  const n = parts.length;
  const kind = new Uint8Array(n);
  const literal = new Uint16Array(n);
  const field = new Uint8Array(n);
  const fixed = new Uint8Array(n);
  const most = new Uint8Array(n);
  for (const [k, p] of parts.entries()) {
    if ('literal' in p) {
      kind[k] = LITERAL;
      literal[k] = p.literal.charCodeAt(0);
    } else if (p.token === 'a') {
      kind[k] = MERIDIEM;
    } else {
      kind[k] = NUMBER;
      field[k] = FIELD_OF[p.token];
      fixed[k] = p.token === 'yyyy' ? 4 : p.token.length === 2 ? 2 : 0;
      most[k] = fixed[k] || (p.token === 'SSS' ? 3 : 2);
    }
  }
  let lastY = -1;
  let lastMo = -1;
  let lastD = -1;
  return (text: string) => {
    let y = 0;
    let mo = 1;
    let d = 1;
    let h = 0;
    let mi = 0;
    let sec = 0;
    let ms = 0;
    let i = 0;
    let meridiem: 'AM' | 'PM' | null = null;
    const s = trimCell(text);
    const end = s.length;
    for (let k = 0; k < n; k++) {
      const what = kind[k]!;
      if (what === LITERAL) {
        if (i >= end || s.charCodeAt(i) !== literal[k]) return 'format';
        i++;
        continue;
      }
      if (what === MERIDIEM) {
        const m = s.slice(i, i + 2).toUpperCase();
        if (m !== 'AM' && m !== 'PM') return 'format';
        meridiem = m;
        i += 2;
        continue;
      }
      const max = most[k]!;
      let v = 0;
      let len = 0;
      while (len < max && i < end) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57) break;
        v = v * 10 + (c - 48);
        i++;
        len++;
      }
      if (len === 0 || (fixed[k] !== 0 && len !== fixed[k])) return 'format';
      switch (field[k]!) {
        case YEAR:
          y = v;
          break;
        case TWO_DIGIT_YEAR:
          y = v < 70 ? 2000 + v : 1900 + v;
          break;
        case MONTH:
          mo = v;
          break;
        case DAY:
          d = v;
          break;
        case HOUR:
          h = v;
          break;
        case MINUTE:
          mi = v;
          break;
        case SECOND:
          sec = v;
          break;
        default: // MILLISECOND
          ms = len === 1 ? v * 100 : len === 2 ? v * 10 : v;
      }
    }
    if (i !== end) return 'format';
    if (twelveHour) {
      if (meridiem === null) return 'format';
      if (h < 1 || h > 12) return 'impossible';
      h = (h % 12) + (meridiem === 'PM' ? 12 : 0);
    }
    // validate() inline, with the last valid date remembered (rows of a file share their days).
    if (hasYear && (y < MIN_YEAR || y > MAX_YEAR)) return 'impossible';
    if (y !== lastY || mo !== lastMo || d !== lastD) {
      if (!isValidYmd(y, mo, d)) return 'impossible';
      lastY = y;
      lastMo = mo;
      lastD = d;
    }
    if (h > 23 || mi > 59 || sec > 59) return 'impossible';
    return { y, mo, d, h, mi, s: sec, ms, hasTime, offsetMinutes: null };
  };
}

const LITERAL = 0;
const NUMBER = 1;
const MERIDIEM = 2;
const YEAR = 0;
const TWO_DIGIT_YEAR = 1;
const MONTH = 2;
const DAY = 3;
const HOUR = 4;
const MINUTE = 5;
const SECOND = 6;
const MILLISECOND = 7;
const FIELD_OF: Record<Exclude<Token, 'a'>, number> = {
  yyyy: YEAR,
  yy: TWO_DIGIT_YEAR,
  MM: MONTH,
  M: MONTH,
  dd: DAY,
  d: DAY,
  HH: HOUR,
  H: HOUR,
  hh: HOUR,
  h: HOUR,
  mm: MINUTE,
  ss: SECOND,
  SSS: MILLISECOND,
};

/** Years outside this range are typing errors in a police record ("0019", "2919"), not dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

function validate(v: LocalDateTime, hasYear = true): LocalDateTime | DateParseFailure {
  if (hasYear && (v.y < MIN_YEAR || v.y > MAX_YEAR)) return 'impossible';
  if (!isValidYmd(v.y, v.mo, v.d)) return 'impossible';
  if (v.h > 23 || v.mi > 59 || v.s > 59) return 'impossible';
  return v;
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

function readIso(text: string, checkYear: boolean): LocalDateTime | DateParseFailure {
  const m = ISO_RE.exec(text.trim());
  if (!m) return 'format';
  let offsetMinutes: number | null = null;
  const z = m[8];
  if (z) {
    if (z === 'Z') offsetMinutes = 0;
    else {
      const digits = z.replace(':', '');
      const sign = digits.startsWith('-') ? -1 : 1;
      const hours = Number(digits.slice(1, 3));
      const minutes = Number(digits.slice(3, 5));
      if (hours > 14 || minutes > 59) return 'impossible'; // real UTC offsets span −12:00..+14:00
      offsetMinutes = sign * (hours * 60 + minutes);
    }
  }
  return validate(
    {
      y: Number(m[1]),
      mo: Number(m[2]),
      d: Number(m[3]),
      h: Number(m[4] ?? 0),
      mi: Number(m[5] ?? 0),
      s: Number(m[6] ?? 0),
      ms: m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0,
      hasTime: m[4] !== undefined,
      offsetMinutes,
    },
    checkYear,
  );
}

/** `YYYY-MM-DD` of a wall time. */
export function ymdText(v: LocalDateTime): string {
  const y = v.y >= 1000 && v.y <= 9999 ? String(v.y) : String(v.y).padStart(4, '0');
  return `${y}-${pad2(v.mo)}-${pad2(v.d)}`;
}

/** `YYYY-MM-DDTHH:mm:ss` of a wall time. */
export function localText(v: LocalDateTime): string {
  return `${ymdText(v)}T${pad2(v.h)}:${pad2(v.mi)}:${pad2(v.s)}`;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

function pad2(n: number): string {
  return TWO_DIGITS[n] ?? (n < 10 ? `0${n}` : String(n));
}
