import { trimCell } from './trim-cell.js';

/** Result of reading a coordinate pair. */
export type CoordinateResult =
  | { kind: 'ok'; lon: number; lat: number }
  | { kind: 'none' }
  | { kind: 'bad'; column: 'longitude' | 'latitude'; value: string };

/** Powers of ten that doubles hold exactly (10^0 … 10^22). */
const EXACT_POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A decimal number (text already trimmed) in the grammar `[+-]?(\d+S?\d*|S\d+)` (S the separator; no
 * exponent, no thousands separator), or null. Its value is Number() of the text with S read as a point.
 * One pass over the characters: the digits give an integer mantissa m and f fraction digits, and
 * m / 10^f is correctly rounded when m < 10^15 and f ≤ 22 (both exact doubles, one IEEE division), so
 * it equals Number(); longer numbers go to Number() itself.
 *
 * With at most 15 significant digits, `String(value)` is the text itself without "+", leading zeros
 * of the integer part and trailing zeros of the fraction, with a point for S ("-0" and "0.000" print as
 * "0"): no other decimal of 15 digits or fewer is the same double (DBL_DIG), so the shortest text
 * JavaScript prints for it has these digits, and it prints them without exponent for 1e-6 ≤ |value|
 * < 1e21. That text goes to `out.latText` (`lat`) or `out.lonText`, else null (the source's own
 * string when nothing is removed), so a content hash can use it instead of formatting the number
 * (~0.3 µs). Written there rather than returned through a variable of this module: storing a new
 * string in a long-lived object costs a write barrier, and this way there is one per number.
 */
function readNumber(t: string, decimalSeparator: '.' | ',', out: PointReading, lat: boolean): number | null {
  let canonicalText: string | null = null;
  if (lat) out.latText = null;
  else out.lonText = null;
  const sep = decimalSeparator.charCodeAt(0);
  const n = t.length;
  let i = 0;
  const first = t.charCodeAt(0);
  const negative = first === 45;
  if (negative || first === 43) i++;
  const intStart = i;
  let mantissa = 0;
  let significant = 0;
  let intDigits = 0;
  let fracDigits = 0;
  let pointAt = -1;
  let leadingZeros = 0; // of the integer part
  let fracEnd = -1; // after the last non-zero fraction digit
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (pointAt >= 0) {
        fracDigits++;
        if (c !== 48) fracEnd = i + 1;
      } else {
        if (c === 48 && leadingZeros === intDigits) leadingZeros++;
        intDigits++;
      }
      if (significant > 0 || c !== 48) {
        significant++;
        if (significant <= 15) mantissa = mantissa * 10 + (c - 48);
      }
    } else if (c === sep && pointAt < 0) {
      pointAt = i;
    } else {
      return null;
    }
  }
  if (intDigits === 0 && fracDigits === 0) return null; // "", "+", ".", "-."
  if (significant > 15 || fracDigits > 22) return Number(decimalSeparator === ',' ? t.replace(',', '.') : t);
  const magnitude = fracDigits === 0 ? mantissa : mantissa / EXACT_POWERS[fracDigits]!;
  const value = negative ? -magnitude : magnitude;
  if (magnitude === 0) canonicalText = '0';
  else if (magnitude >= 1e-6 && magnitude < 1e21) {
    // The integer part without leading zeros ("0" when none is left), the fraction up to its last
    // non-zero digit.
    const intEnd = pointAt < 0 ? n : pointAt;
    const from = intDigits > 0 ? intStart + Math.min(leadingZeros, intDigits - 1) : intEnd;
    const asWritten =
      first !== 43 && from === intStart && intDigits > 0 && (pointAt < 0 || (sep === 46 && fracEnd === n)); // a fraction ending in a non-zero digit
    if (asWritten) canonicalText = t;
    else {
      const whole = intDigits > 0 ? t.slice(from, intEnd) : '0';
      const fraction = fracEnd < 0 ? '' : `.${t.slice(pointAt + 1, fracEnd)}`;
      canonicalText = `${negative ? '-' : ''}${whole}${fraction}`;
    }
  }
  if (lat) out.latText = canonicalText;
  else out.lonText = canonicalText;
  return value;
}

/**
 * Reads WGS84 longitude/latitude text (degrees) with the profile's decimal separator ("." or ",";
 * thousands separators are not accepted).
 *
 * - both empty, or both zero (the "0,0" null island many exports write for "unknown") → `none`:
 *   the incident is kept and flagged "no location";
 * - one empty → `none` as well (a half coordinate places nothing);
 * - text that is not a number, or a value outside ±180 / ±90 → `bad` with the column: the row is
 *   quarantined as BAD_COORDINATES.
 *
 * `texts`, when given, receives `String(lon)` and `String(lat)` where they follow from the source
 * texts (up to 15 significant digits: see readNumber; else null): a content hash then need not format
 * the numbers.
 */
export function readCoordinates(
  lonText: string,
  latText: string,
  decimalSeparator: '.' | ',',
  texts?: { lon: string | null; lat: string | null },
): CoordinateResult {
  const p = SCRATCH;
  const kind = readCoordinatesInto(lonText, latText, decimalSeparator, p);
  if (texts) {
    texts.lon = p.lonText;
    texts.lat = p.latText;
  }
  if (kind === 'ok') return { kind, lon: p.lon!, lat: p.lat! };
  if (kind === 'none') return { kind };
  return { kind: 'bad', column: kind, value: kind === 'longitude' ? lonText : latText };
}

/** A point as {@link readCoordinatesInto} writes it. */
export interface PointReading {
  /** Degrees, when the reading is 'ok' (else as they were). */
  lon: number | null;
  lat: number | null;
  /** `String(lon)` / `String(lat)` where they follow from the source texts (see readNumber), else null. */
  lonText: string | null;
  latText: string | null;
}

const SCRATCH: PointReading = { lon: 0, lat: 0, lonText: null, latText: null };

/**
 * {@link readCoordinates} without allocating (an import reads millions): writes into `out` and
 * returns 'ok' (`out.lon` / `out.lat` set), 'none', or the column of a bad value. `out.lonText` /
 * `out.latText` are set whatever the outcome (as `texts` of readCoordinates).
 */
export function readCoordinatesInto(
  lonText: string,
  latText: string,
  decimalSeparator: '.' | ',',
  out: PointReading,
): 'ok' | 'none' | 'longitude' | 'latitude' {
  const lonTrimmed = trimCell(lonText);
  const latTrimmed = trimCell(latText);
  const lonEmpty = lonTrimmed === '';
  const latEmpty = latTrimmed === '';
  let lon: number | null = null;
  if (lonEmpty) out.lonText = null;
  else lon = readNumber(lonTrimmed, decimalSeparator, out, false);
  let lat: number | null = null;
  if (latEmpty) out.latText = null;
  else lat = readNumber(latTrimmed, decimalSeparator, out, true);
  if (!lonEmpty && (lon === null || Math.abs(lon) > 180)) return 'longitude';
  if (!latEmpty && (lat === null || Math.abs(lat) > 90)) return 'latitude';
  if (lon === null || lat === null || (lon === 0 && lat === 0)) return 'none';
  out.lon = lon;
  out.lat = lat;
  return 'ok';
}
