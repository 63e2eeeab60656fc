/** Result of reading a coordinate pair. */
export type CoordinateResult =
  | { kind: 'ok'; lon: number; lat: number }
  | { kind: 'none' }
  | { kind: 'bad'; column: 'longitude' | 'latitude'; value: string };

const DOT_RE = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const COMMA_RE = /^[+-]?(\d+,?\d*|,\d+)$/;

function readNumber(text: string, decimalSeparator: '.' | ','): number | null {
  const t = text.trim();
  if (decimalSeparator === ',') return COMMA_RE.test(t) ? Number(t.replace(',', '.')) : null;
  return DOT_RE.test(t) ? Number(t) : null;
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
 */
export function readCoordinates(
  lonText: string,
  latText: string,
  decimalSeparator: '.' | ',',
): CoordinateResult {
  const lonEmpty = lonText.trim() === '';
  const latEmpty = latText.trim() === '';
  const lon = lonEmpty ? null : readNumber(lonText, decimalSeparator);
  const lat = latEmpty ? null : readNumber(latText, decimalSeparator);
  if (!lonEmpty && (lon === null || Math.abs(lon) > 180))
    return { kind: 'bad', column: 'longitude', value: lonText };
  if (!latEmpty && (lat === null || Math.abs(lat) > 90))
    return { kind: 'bad', column: 'latitude', value: latText };
  if (lon === null || lat === null || (lon === 0 && lat === 0)) return { kind: 'none' };
  return { kind: 'ok', lon, lat };
}
