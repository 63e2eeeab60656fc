import { VigiaError, type RowIssue } from '@vigia/domain';
import { readCoordinatesInto, type PointReading } from '../fields/coordinates.js';
import type { DateReader, LocalDateTime } from '../fields/date-format.js';
import { builtinProfileFitting, type ImportKind } from '../profiles/import-kinds.js';
import { trimCell } from '../fields/trim-cell.js';

/**
 * Position lookup of mapped columns in a file's header: names match ignoring case and surrounding
 * spaces; an unmapped column (`undefined`) is -1. Shared by the incident and call row mappers.
 *
 * `kind` is what the file is imported as: when a column is missing and the header has every column of
 * a built-in profile of the other kind, the file was chosen as the wrong kind, and the error says so.
 *
 * @throws VigiaError HEADER_MISSING_COLUMN when a mapped column is not in the header; FILE_IS_CALLS
 *   (imported as incidents) or FILE_IS_INCIDENTS (imported as calls) when, besides, the header fits a
 *   built-in profile of the other kind; HEADER_DUPLICATE_COLUMN when a column appears twice.
 */
export function columnIndexer(
  header: readonly string[],
  file: string,
  profile: string,
  kind: ImportKind,
): (name: string | undefined) => number {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  return (name) => {
    if (name === undefined) return -1;
    const key = name.trim().toLowerCase();
    const i = index.get(key);
    const positions = header.flatMap((h, k) => (h.trim().toLowerCase() === key ? [k + 1] : []));
    if (positions.length > 1) {
      throw new VigiaError('HEADER_DUPLICATE_COLUMN', {
        file,
        column: name,
        positions: positions.join(', '),
      });
    }
    if (i === undefined) {
      const other: ImportKind = kind === 'calls' ? 'incidents' : 'calls';
      const fit = builtinProfileFitting(header, other);
      if (fit !== null) {
        const code = other === 'calls' ? 'FILE_IS_CALLS' : 'FILE_IS_INCIDENTS';
        throw new VigiaError(code, { file, column: name, profile, fit });
      }
      throw new VigiaError('HEADER_MISSING_COLUMN', {
        file,
        column: name,
        profile,
        found: header.join(', '),
      });
    }
    return i;
  };
}

const MAX_VALUE = 200;

/**
 * Longest record id kept (characters): a longer one is not a case number but a free-text column named
 * as the id by mistake, and PostgreSQL's B-tree index refuses keys over 2,704 bytes (measured: a
 * 4,000-character id failed the import there while DuckDB stored it).
 */
export const MAX_SOURCE_ID_LENGTH = 200;

/**
 * Checks a record id cell read from the source's id column (trimmed): an empty one is
 * MISSING_REQUIRED_FIELD, one longer than {@link MAX_SOURCE_ID_LENGTH} is ID_TOO_LONG (clipped value).
 */
export function checkSourceId(id: string, column: string, issues: RowIssue[]): void {
  if (!id) issues.push({ reason: 'MISSING_REQUIRED_FIELD', column, value: '' });
  else if (id.length > MAX_SOURCE_ID_LENGTH)
    issues.push({ reason: 'ID_TOO_LONG', column, value: clipValue(id) });
}

/** A raw value as kept in a row issue: at most 200 characters, then "…". */
export function clipValue(v: string): string {
  return v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE)}…` : v;
}

/**
 * Reads a required date(-time) cell: an empty cell is MISSING_REQUIRED_FIELD, an unreadable one
 * BAD_DATE or IMPOSSIBLE_DATE (pushed onto `issues`), giving null; otherwise the wall time.
 */
export function readWall(
  text: string,
  read: DateReader,
  column: string,
  issues: RowIssue[],
): LocalDateTime | null {
  const t = trimCell(text);
  if (!t) {
    issues.push({ reason: 'MISSING_REQUIRED_FIELD', column, value: '' });
    return null;
  }
  const v = read(t);
  if (typeof v === 'string') {
    issues.push({ reason: v === 'format' ? 'BAD_DATE' : 'IMPOSSIBLE_DATE', column, value: clipValue(t) });
    return null;
  }
  return v;
}

/**
 * Reads the point of a row from its longitude and latitude cells (`''` when the column is not mapped):
 * WGS84 degrees, or nulls for no usable location (empty, 0,0); an unreadable or out-of-range value is
 * pushed onto `issues` as BAD_COORDINATES naming its column. `texts` (optional) receives the texts
 * `String(lon)` / `String(lat)` where they follow from the cells' texts, else null (see readCoordinates).
 */
export function readLocation(
  lonText: string | null,
  latText: string | null,
  decimalSeparator: '.' | ',',
  columns: { longitude?: string | undefined; latitude?: string | undefined },
  issues: RowIssue[],
  texts?: { lon: string | null; lat: string | null },
): { lon: number | null; lat: number | null } {
  const p = SCRATCH;
  readLocationInto(lonText, latText, decimalSeparator, columns, issues, p);
  if (texts) {
    texts.lon = p.lonText;
    texts.lat = p.latText;
  }
  return { lon: p.lon, lat: p.lat };
}

/** A row's point as {@link readLocationInto} writes it. */
export type LocationReading = PointReading;

const SCRATCH: LocationReading = { lon: null, lat: null, lonText: null, latText: null };

/** {@link readLocation} without allocating: writes the point and its texts into `out`. */
export function readLocationInto(
  lonText: string | null,
  latText: string | null,
  decimalSeparator: '.' | ',',
  columns: { longitude?: string | undefined; latitude?: string | undefined },
  issues: RowIssue[],
  out: LocationReading,
): void {
  if (lonText === null || latText === null) {
    out.lon = out.lat = null;
    out.lonText = out.latText = null;
    return;
  }
  const kind = readCoordinatesInto(lonText, latText, decimalSeparator, out);
  if (kind === 'ok') return;
  out.lon = out.lat = null;
  out.lonText = out.latText = null;
  if (kind !== 'none') {
    issues.push({
      reason: 'BAD_COORDINATES',
      column: (kind === 'longitude' ? columns.longitude : columns.latitude) ?? '',
      value: clipValue(kind === 'longitude' ? lonText : latText),
    });
  }
}
