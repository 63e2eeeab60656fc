/** Result of reading a coordinate pair. */
export type CoordinateResult =
  | { kind: 'ok'; lon: number; lat: number }
  | { kind: 'none' }
  | { kind: 'bad'; column: 'longitude' | 'latitude'; value: string };

/** Powers of ten that doubles hold exactly (10^0 … 10^22). */
const EXACT_POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Set by {@link readNumber}: `String(value)` of the number it just read when its text was exactly that. */
let canonicalText: string | null = null;

/**
 * A decimal number (text already trimmed) in the grammar `[+-]?(\d+S?\d*|S\d+)` (S the separator; no exponent, no thousands
 * separator), or null. Its value is Number() of the text with S read as a point. One pass over the
 * characters: the digits give an integer mantissa m and f fraction digits, and m / 10^f is correctly
 * rounded when m < 10^15 and f ≤ 22 (both exact doubles, one IEEE division), so it equals Number();
 * longer numbers go to Number() itself.
 *
 * When the text is already the shortest form JavaScript prints for the value (no "+", no leading or
 * trailing zeros, at most 15 significant digits, not "-0", no exponent form), it is kept in
 * `canonicalText`, so a content hash can use it instead of formatting the number again.
 */
function readNumber(t: string, decimalSeparator: '.' | ','): number | null {
  canonicalText = null;
  const sep = decimalSeparator.charCodeAt(0);
  const n = t.length;
  let i = 0;
  const first = t.charCodeAt(0);
  const negative = first === 45;
  if (negative || first === 43) i++;
  let mantissa = 0;
  let significant = 0;
  let intDigits = 0;
  let fracDigits = 0;
  let point = false;
  let leadingZero = false;
  let lastZero = false;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (point) fracDigits++;
      else {
        if (intDigits === 0 && c === 48) leadingZero = true;
        intDigits++;
      }
      if (significant > 0 || c !== 48) {
        significant++;
        if (significant <= 15) mantissa = mantissa * 10 + (c - 48);
      }
      lastZero = c === 48;
    } else if (c === sep && !point) {
      point = true;
    } else {
      return null;
    }
  }
  if (intDigits === 0 && fracDigits === 0) return null; // "", "+", ".", "-."
  if (significant > 15 || fracDigits > 22) {
    const v = Number(decimalSeparator === ',' ? t.replace(',', '.') : t);
    return v;
  }
  const magnitude = fracDigits === 0 ? mantissa : mantissa / EXACT_POWERS[fracDigits]!;
  const value = negative ? -magnitude : magnitude;
  // Already the shortest form: no "+"; an integer part without leading zeros ("0" alone allowed);
  // no exponent form (|value| < 1e21, ≥ 1e-6); a fraction, if any, with a "." and no trailing zero;
  // not a signed zero ("-0" prints as "0").
  const canonical =
    first !== 43 &&
    intDigits > 0 &&
    intDigits <= 21 &&
    (!leadingZero || intDigits === 1) &&
    (!point || (fracDigits > 0 && !lastZero && decimalSeparator === '.')) &&
    !(negative && magnitude === 0) &&
    (magnitude === 0 || magnitude >= 1e-6);
  if (canonical) canonicalText = t;
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
 * `texts`, when given, receives `String(lon)` and `String(lat)` where the source texts were already
 * exactly those (else null): a content hash then need not format the numbers again.
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
  if (kind === 'ok') return { kind, lon: p.lon, lat: p.lat };
  if (kind === 'none') return { kind };
  return { kind: 'bad', column: kind, value: kind === 'longitude' ? lonText : latText };
}

/** A point as {@link readCoordinatesInto} writes it. */
export interface PointReading {
  /** Degrees, when the reading is 'ok'. */
  lon: number;
  lat: number;
  /** The trimmed source texts where they are already `String(lon)` / `String(lat)`, else null. */
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
  const lonTrimmed = lonText.trim();
  const latTrimmed = latText.trim();
  const lonEmpty = lonTrimmed === '';
  const latEmpty = latTrimmed === '';
  const lon = lonEmpty ? null : readNumber(lonTrimmed, decimalSeparator);
  out.lonText = lonEmpty ? null : canonicalText;
  const lat = latEmpty ? null : readNumber(latTrimmed, decimalSeparator);
  out.latText = latEmpty ? null : canonicalText;
  if (!lonEmpty && (lon === null || Math.abs(lon) > 180)) return 'longitude';
  if (!latEmpty && (lat === null || Math.abs(lat) > 90)) return 'latitude';
  if (lon === null || lat === null || (lon === 0 && lat === 0)) return 'none';
  out.lon = lon;
  out.lat = lat;
  return 'ok';
}
