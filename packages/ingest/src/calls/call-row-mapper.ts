import type { CallRecord, CallTimePrecision, RowIssue } from '@vigia/domain';
import { compileDateFormat, localText, type LocalDateTime } from '../fields/date-format.js';
import { normalizeLabel } from '../fields/normalize-label.js';
import { ZoneConverter } from '../fields/zone-converter.js';
import { checkSourceId, clipValue, columnIndexer, readLocation, readWall } from '../rows/column-index.js';
import type { RowMapperOptions } from '../rows/row-mapper.js';
import { withSpreadsheetFallback } from '../rows/row-mapper.js';
import { RowFingerprints, derivedSourceId } from '../rows/stable-id.js';
import type { CallMapping } from './call-mapping.js';

/** What one input row of a CAD export became. */
export type MappedCallRow =
  | { kind: 'call'; record: CallRecord; duplicate: boolean }
  | { kind: 'quarantine'; issues: RowIssue[]; duplicate: boolean };

type TimeKey = 'dispatched' | 'enRoute' | 'onScene' | 'cleared';
const OPTIONAL_TIMES: readonly TimeKey[] = ['dispatched', 'enRoute', 'onScene', 'cleared'];

/**
 * Compiles a call mapping against a file's header into a function from raw fields to a call record or
 * the row's quarantine reasons. Same reading rules as incidents (compileRowMapper): column names ignore
 * case; missing values ("NA", "NULL"...) are empty; local times use the mapping's zone, else the agency's.
 *
 * Quarantined: an empty or unreadable received time (MISSING_REQUIRED_FIELD, BAD_DATE, IMPOSSIBLE_DATE),
 * a received time after `nowMs` (FUTURE_DATE), an unreadable optional timestamp (BAD_DATE: a time that
 * cannot be read is not the same as no time), unreadable coordinates, a wrong column count, or an
 * empty id where the source has ids. Out-of-order timestamps are NOT quarantined: the call is kept and
 * flagged when intervals are computed (domain callIntervals).
 *
 * @throws VigiaError HEADER_MISSING_COLUMN (FILE_IS_INCIDENTS when the header is an incident export's),
 *   HEADER_DUPLICATE_COLUMN.
 */
export function compileCallRowMapper(
  mapping: CallMapping,
  header: readonly string[],
  options: RowMapperOptions,
): (fields: readonly string[]) => MappedCallRow {
  const col = columnIndexer(header, options.file, mapping.name, 'calls');
  const c = mapping.columns;
  const iId = col(c.sourceId);
  const iReceived = col(c.received);
  const times = OPTIONAL_TIMES.map((key) => ({ key, name: c[key], i: col(c[key]) }));
  const iPriority = col(c.priority);
  const iChannel = col(c.channel);
  const iInitial = col(c.initialType);
  const iFinal = col(c.finalType);
  const iDisposition = col(c.disposition);
  const iResponding = col(c.respondingUnit);
  const iLon = col(c.longitude);
  const iLat = col(c.latitude);
  const iUnit = col(c.unit);
  const flag = (f: { column: string; values: string[] } | undefined) =>
    f ? { i: col(f.column), values: new Set(f.values.map(normalizeLabel)) } : null;
  const officer = flag(mapping.officerInitiated);
  const arrest = flag(mapping.arrest);

  const read = withSpreadsheetFallback(
    compileDateFormat(mapping.formats.dateTime ?? 'iso'),
    options.fromSpreadsheet === true,
  );
  const zone = new ZoneConverter(mapping.timeZone ?? options.agencyTimeZone);
  const ignoreOffset = mapping.offsetInText === 'ignore';
  const instant = (w: LocalDateTime): number =>
    zone.toInstant(ignoreOffset ? { ...w, offsetMinutes: null } : w);
  const fingerprints = new RowFingerprints();
  const missing = new Set(mapping.missingValues);
  const width = header.length;
  const labelYes = new Map<string, boolean>();
  const isYes = (f: { values: Set<string> }, raw: string): boolean => {
    let v = labelYes.get(raw);
    if (v === undefined) {
      v = f.values.has(normalizeLabel(raw));
      if (labelYes.size < 10_000) labelYes.set(raw, v);
    }
    return v;
  };
  const NO_FINGERPRINT = { hash: '', ordinal: 1, duplicate: false };

  return (fields) => {
    const fp = iId < 0 ? fingerprints.add(fields) : NO_FINGERPRINT;
    const issues: RowIssue[] = [];
    const get = (i: number): string => {
      const v = i < 0 ? '' : (fields[i] ?? '');
      return missing.has(v.trim()) ? '' : v.trim();
    };
    if (fields.length !== width) {
      issues.push({ reason: 'COLUMN_COUNT_MISMATCH', column: '', value: `${fields.length}/${width}` });
      return { kind: 'quarantine', issues, duplicate: fp.duplicate };
    }
    const rawId = get(iId);
    if (iId >= 0) checkSourceId(rawId, c.sourceId ?? '', issues);
    const sourceId = iId >= 0 ? rawId : derivedSourceId(fp.hash, fp.ordinal);

    let precision: CallTimePrecision = 'second';
    let receivedAt = 0;
    let receivedLocal = '';
    const received = readWall(get(iReceived), read, c.received, issues);
    if (received) {
      receivedAt = instant(received);
      receivedLocal =
        received.offsetMinutes === null || ignoreOffset ? localText(received) : zone.toLocalText(receivedAt);
      if (!received.hasTime) precision = 'date';
      if (receivedAt > options.nowMs) {
        issues.push({ reason: 'FUTURE_DATE', column: c.received, value: clipValue(get(iReceived)) });
      }
    }
    const at: Record<TimeKey, number | null> = {
      dispatched: null,
      enRoute: null,
      onScene: null,
      cleared: null,
    };
    for (const t of times) {
      const text = get(t.i);
      if (t.i < 0 || !text) continue;
      const w = read(text);
      if (typeof w === 'string') {
        issues.push({
          reason: w === 'format' ? 'BAD_DATE' : 'IMPOSSIBLE_DATE',
          column: t.name ?? '',
          value: clipValue(text),
        });
        continue;
      }
      if (!w.hasTime) precision = 'date';
      at[t.key] = instant(w);
    }

    const { lon, lat } = readLocation(
      iLon >= 0 && iLat >= 0 ? get(iLon) : null,
      iLat >= 0 && iLon >= 0 ? get(iLat) : null,
      mapping.decimalSeparator,
      c,
      issues,
    );
    if (issues.length > 0 || !received) return { kind: 'quarantine', issues, duplicate: fp.duplicate };
    const text = (i: number): string | null => get(i) || null;
    const responding = get(iResponding);
    return {
      kind: 'call',
      duplicate: fp.duplicate,
      record: {
        sourceId,
        sourceIdDerived: iId < 0,
        receivedAt,
        receivedLocal,
        dispatchedAt: at.dispatched,
        enRouteAt: at.enRoute,
        onSceneAt: at.onScene,
        clearedAt: at.cleared,
        timePrecision: precision,
        priority: text(iPriority),
        channel: text(iChannel),
        initialType: text(iInitial),
        finalType: text(iFinal),
        disposition: text(iDisposition),
        officerInitiated: officer !== null && isYes(officer, get(officer.i)),
        arrest: arrest === null ? null : isYes(arrest, get(arrest.i)),
        respondingUnits: responding ? [responding] : [],
        lon,
        lat,
        sourceUnit: text(iUnit),
      },
    };
  };
}
