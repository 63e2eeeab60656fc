import {
  VigiaError,
  fingerprintText,
  isOffenseCategory,
  severityRank,
  utcMs,
  type IncidentRecord,
  type IncidentStatus,
  type Offense,
  type OffenseCategory,
  type RowIssue,
} from '@vigia/domain';
import {
  compileDateFormat,
  localText,
  ymdText,
  type DateReader,
  type LocalDateTime,
} from '../fields/date-format.js';
import { excelSerialToWallTime } from '../fields/excel-serial.js';
import { normalizeLabel } from '../fields/normalize-label.js';
import { ZoneConverter } from '../fields/zone-converter.js';
import type { ImportMapping } from '../profiles/mapping.js';
import { RowFingerprints, derivedSourceId } from './stable-id.js';
import {
  checkSourceId,
  clipValue,
  columnIndexer,
  readLocationInto,
  readWall,
  type LocationReading,
} from './column-index.js';
import { trimCell } from '../fields/trim-cell.js';

/** What one input row became. */
export type MappedRow =
  | {
      kind: 'incident';
      record: IncidentRecord;
      duplicate: boolean;
      /** `String(lon)` / `String(lat)` when read off the file's texts, else null (spares a content hash the formatting). */
      lonText: string | null;
      latText: string | null;
      /**
       * `occurredLocal` as epoch ms read as UTC when known without parsing it back, else NaN (years
       * 100–9999 only, whole seconds).
       */
      occurredLocalMs: number;
      /** The arrest cell (clipped) when the mapping could not read it (the record's arrest is then null). */
      arrestUnreadable: string | null;
    }
  | { kind: 'quarantine'; issues: RowIssue[]; duplicate: boolean };

/** Context of one import run. */
export interface RowMapperOptions {
  /** File name shown in errors. */
  file: string;
  /** IANA zone of the agency (used unless the mapping names another). */
  agencyTimeZone: string;
  /** "Now" as UTC epoch ms: occurrences after it are quarantined as FUTURE_DATE. */
  nowMs: number;
  /** True for spreadsheet input: dates may also come as ISO text or Excel serial numbers. */
  fromSpreadsheet?: boolean;
  /**
   * When given, ids derived from row content are left empty ('') in the records, and the caller reads
   * each row's fingerprint words and ordinal from this object right after mapping it (an import keeps
   * them as numbers instead of building `h:…#n` texts).
   */
  fingerprints?: RowFingerprints;
  /**
   * With `fingerprints`: rows are only hashed and queued ({@link RowFingerprints.queue}), not counted;
   * the caller resolves their ordinals later in bulk, and `duplicate` is then always false.
   */
  deferOrdinals?: boolean;
  /**
   * Leave `record.occurredLocal` empty ('') where `occurredLocalMs` gives it: an import stores the
   * number and hashes its digits (see RecordHints in domain), and building the text cost ~0.1 µs a row.
   */
  omitLocalText?: boolean;
}

/**
 * Compiles a mapping against a file's header into a function from raw fields to an incident record or
 * a list of row issues (quarantine reasons with column and value). Column names match ignoring case and
 * surrounding spaces.
 *
 * @throws VigiaError HEADER_MISSING_COLUMN when a mapped column is not in the header (FILE_IS_CALLS
 *   when the header is a CAD export's); HEADER_DUPLICATE_COLUMN when a mapped column appears twice;
 *   INVALID_TIME_ZONE is checked by the caller.
 */
export function compileRowMapper(
  mapping: ImportMapping,
  header: readonly string[],
  options: RowMapperOptions,
): (fields: readonly string[]) => MappedRow {
  const col = columnIndexer(header, options.file, mapping.name, 'incidents');
  const c = mapping.columns;
  const iId = col(c.sourceId);
  const iDateTime = col(c.occurredDateTime);
  const iDate = col(c.occurredDate);
  const iTime = col(c.occurredTime);
  const iReported = col(c.reportedDate);
  const offenseCols = (c.offense === undefined ? [] : Array.isArray(c.offense) ? c.offense : [c.offense]).map(
    (n) => ({ name: n, i: col(n) }),
  );
  const iLon = col(c.longitude);
  const iLat = col(c.latitude);
  const iUnit = col(c.unit);
  const iStatus = col(c.status);
  if (iDateTime < 0 && iDate < 0) {
    throw new VigiaError('MAPPING_INVALID', {
      file: mapping.name,
      detail: 'columns.occurredDateTime or columns.occurredDate is required',
    });
  }
  if (offenseCols.length === 0 && mapping.offenseConstant === undefined) {
    throw new VigiaError('MAPPING_INVALID', {
      file: mapping.name,
      detail: 'columns.offense or offenseConstant is required',
    });
  }

  const spreadsheet = options.fromSpreadsheet === true;
  const reader = (fmt: string | undefined, fallback: string): DateReader =>
    withSpreadsheetFallback(compileDateFormat(fmt ?? fallback), spreadsheet);
  const readDateTime = reader(mapping.formats.dateTime, 'iso');
  const readDate = reader(mapping.formats.date, 'iso');
  const readTime = withSpreadsheetTimeFallback(
    compileDateFormat(mapping.formats.time ?? 'HH:mm'),
    spreadsheet,
  );
  const readReported = reader(
    mapping.formats.reportedDate ?? mapping.formats.date ?? mapping.formats.dateTime,
    'iso',
  );
  const zone = new ZoneConverter(mapping.timeZone ?? options.agencyTimeZone);
  const ignoreOffset = mapping.offsetInText === 'ignore';

  const offenseMap = new Map<string, OffenseCategory>();
  for (const [label, cat] of Object.entries(mapping.offenseMap)) {
    if (isOffenseCategory(cat)) offenseMap.set(normalizeLabel(label), cat);
  }
  const readArrest = arrestReader(mapping, col);
  const statusMap = mapping.statusMap
    ? new Map(Object.entries(mapping.statusMap).map(([k, v]) => [normalizeLabel(k), v]))
    : null;
  const fingerprints = options.fingerprints ?? new RowFingerprints();
  const idText = options.fingerprints === undefined;
  const omitLocalText = options.omitLocalText === true;
  const defer = !idText && options.deferOrdinals === true;
  const location: LocationReading = { lon: null, lat: null, lonText: null, latText: null };
  const labelCache = new Map<string, Offense>();
  const singles = new Map<Offense, Offense[]>();
  let lastSingle: Offense[] = [];
  const single = (o: Offense): Offense[] => {
    if (lastSingle[0] === o) return lastSingle; // rows in a row often share their offense
    let list = singles.get(o);
    if (!list) {
      list = Object.freeze([o]) as Offense[];
      if (singles.size < 100_000) singles.set(o, list);
    }
    return (lastSingle = list);
  };
  // A mapping's constant offense: the same (shared, frozen) list for every row.
  const constantOffenses =
    offenseCols.length === 0 ? single(classify(mapping.offenseConstant ?? '', offenseMap, labelCache)) : null;
  const scratchIssues: RowIssue[] = [];
  const width = header.length;
  const missing = new Set(mapping.missingValues);

  // Fingerprints (a table entry per distinct row) are needed only to derive ids and to spot identical
  // rows where the source has no id; with ids, rows sharing one are merged by the store instead.
  // A text longer than every missing-value marker, with printable ASCII at both ends (nothing for
  // trim() to remove), cannot be one: no trim and no set lookup for most cells.
  const longestMissing = Math.max(0, ...[...missing].map((m) => m.length));
  const plain = (ch: number) => ch > 32 && ch < 127;
  // Nor can a short one whose first character starts no marker (a one-digit district, say).
  const startsMissing = new Uint8Array(128);
  for (const m of missing) if (m.length > 0 && m.charCodeAt(0) < 128) startsMissing[m.charCodeAt(0)] = 1;
  // The row is an argument, not a variable of this closure: storing each new row there would cost a
  // write barrier (a long-lived object pointing at a new one).
  const get = (fields: readonly string[], i: number): string => {
    const v = i < 0 ? '' : (fields[i] ?? '');
    const n = v.length;
    if (n > 0) {
      const first = v.charCodeAt(0);
      if (plain(first) && plain(v.charCodeAt(n - 1)) && (n > longestMissing || startsMissing[first] === 0))
        return v;
    }
    return missing.has(v.trim()) ? '' : v;
  };
  return (fields) => {
    const ordinal = iId >= 0 ? 1 : defer ? (fingerprints.queue(fields), 0) : fingerprints.addRow(fields);
    const duplicate = ordinal > 1;
    // One list reused row after row: a quarantined row gets its own copy (most rows have no issue).
    const issues = scratchIssues;
    if (issues.length > 0) issues.length = 0; // setting a length is a runtime call even when 0
    if (fields.length !== width) {
      issues.push({ reason: 'COLUMN_COUNT_MISMATCH', column: '', value: `${fields.length}/${width}` });
      return { kind: 'quarantine', issues: issues.slice(), duplicate };
    }

    // Source id
    let sourceId: string;
    const rawId = trimCell(get(fields, iId));
    if (iId >= 0) {
      checkSourceId(rawId, c.sourceId ?? '', issues);
      sourceId = rawId;
    } else {
      sourceId = idText ? derivedSourceId(fingerprintText(fingerprints.words, 0), ordinal) : '';
    }

    // Occurrence date and time
    let wall: LocalDateTime | null;
    if (iDateTime >= 0) {
      wall = readWall(get(fields, iDateTime), readDateTime, c.occurredDateTime ?? '', issues);
    } else {
      wall = readWall(get(fields, iDate), readDate, c.occurredDate ?? '', issues);
      if (wall && iTime >= 0) {
        const t = trimCell(get(fields, iTime));
        if (t) {
          const tv = readTime(t);
          if (typeof tv === 'string') {
            issues.push({ reason: 'BAD_TIME', column: c.occurredTime ?? '', value: clipValue(t) });
          } else {
            wall = { ...wall, h: tv.h, mi: tv.mi, s: tv.s, ms: tv.ms, hasTime: true };
          }
        }
      }
    }
    let occurredAt = 0;
    let occurredLocal = '';
    let occurredLocalMs = NaN;
    if (wall) {
      if (ignoreOffset) wall = { ...wall, offsetMinutes: null };
      // Date.UTC reads years 0–99 as 1900–1999: those (never from a police record) get no local ms,
      // nor do years past 9999 (never read either), whose text has five digits.
      const ms = wall.ms;
      if (
        wall.offsetMinutes === null &&
        wall.y >= 100 &&
        wall.y <= 9999 &&
        (ms | 0) === ms &&
        ms >= 0 &&
        ms < 1000
      ) {
        occurredLocalMs = utcMs(wall.y, wall.mo, wall.d, wall.h, wall.mi, wall.s);
        occurredAt = zone.instantOfWall(occurredLocalMs + ms, wall);
      } else occurredAt = zone.toInstant(wall);
      if (wall.offsetMinutes === null) {
        occurredLocal = omitLocalText && !Number.isNaN(occurredLocalMs) ? '' : localText(wall);
      } else {
        occurredLocal = zone.toLocalText(occurredAt);
      }
      if (occurredAt > options.nowMs) {
        issues.push({
          reason: 'FUTURE_DATE',
          column: c.occurredDateTime ?? c.occurredDate ?? '',
          value: clipValue(get(fields, iDateTime >= 0 ? iDateTime : iDate)),
        });
      }
    }

    // Report date (optional: an unreadable one is an issue, an empty one is not)
    let reportedLocalDate: string | null = null;
    const rep = trimCell(get(fields, iReported));
    if (iReported >= 0 && rep) {
      const rv = readReported(rep);
      if (typeof rv === 'string') {
        issues.push({
          reason: rv === 'format' ? 'BAD_DATE' : 'IMPOSSIBLE_DATE',
          column: c.reportedDate ?? '',
          value: clipValue(rep),
        });
      } else {
        reportedLocalDate =
          rv.offsetMinutes === null || ignoreOffset
            ? ymdText(rv)
            : zone.toLocalText(zone.toInstant(rv)).slice(0, 10);
      }
    }

    // Offenses (a lone offense's list is shared by every row with it, frozen)
    let offenses: Offense[] = [];
    if (constantOffenses !== null) {
      offenses = constantOffenses;
    } else {
      for (let k = 0; k < offenseCols.length; k++) {
        const oc = offenseCols[k]!;
        const label = trimCell(get(fields, oc.i));
        if (label) offenses.push(classify(label, offenseMap, labelCache));
      }
      if (offenses.length === 0) {
        issues.push({ reason: 'MISSING_REQUIRED_FIELD', column: offenseCols[0]?.name ?? '', value: '' });
      }
    }
    if (offenses.length > 1) offenses.sort((a, b) => severityRank(a.category) - severityRank(b.category));
    else if (offenses.length === 1) offenses = single(offenses[0]!);

    // Location
    readLocationInto(
      iLon >= 0 && iLat >= 0 ? get(fields, iLon) : null,
      iLat >= 0 && iLon >= 0 ? get(fields, iLat) : null,
      mapping.decimalSeparator,
      c,
      issues,
      location,
    );

    // Status
    let status: IncidentStatus = 'reported';
    if (iStatus >= 0 && statusMap) {
      const raw = get(fields, iStatus);
      const s = statusMap.get(normalizeLabel(raw));
      if (s) status = s;
      else if (raw.trim())
        issues.push({ reason: 'BAD_STATUS', column: c.status ?? '', value: clipValue(raw) });
    }

    if (issues.length > 0 || !wall) return { kind: 'quarantine', issues: issues.slice(), duplicate };
    const unit = trimCell(get(fields, iUnit));
    const arrestText = readArrest === null ? '' : trimCell(get(fields, readArrest.i));
    const arrest = arrestText === '' ? null : readArrest!.read(arrestText);
    return {
      kind: 'incident',
      duplicate,
      lonText: location.lonText,
      latText: location.latText,
      occurredLocalMs,
      arrestUnreadable: arrest === undefined ? clipValue(arrestText) : null,
      record: {
        sourceId,
        sourceIdDerived: iId < 0,
        occurredAt,
        occurredLocal,
        reportedLocalDate,
        offenses,
        lon: location.lon,
        lat: location.lat,
        sourceUnit: unit || null,
        status,
        arrest: arrest ?? null,
      },
    };
  };
}

/**
 * The column of the mapping's arrest flag and a reader of its non-empty cells: true, false, or
 * undefined for a value in neither list (only possible with `falseValues`). Null without a flag.
 */
function arrestReader(
  mapping: ImportMapping,
  col: (name: string | undefined) => number,
): { i: number; read: (text: string) => boolean | undefined } | null {
  const a = mapping.arrest;
  if (a === undefined) return null;
  const yes = new Set(a.values.map(normalizeLabel));
  const no = a.falseValues === undefined ? null : new Set(a.falseValues.map(normalizeLabel));
  const cache = new Map<string, boolean | undefined>();
  return {
    i: col(a.column),
    read: (text) => {
      if (cache.has(text)) return cache.get(text);
      const label = normalizeLabel(text);
      const v = yes.has(label) ? true : no === null || no.has(label) ? false : undefined;
      if (cache.size < 10_000) cache.set(text, v);
      return v;
    },
  };
}

function classify(label: string, map: Map<string, OffenseCategory>, cache: Map<string, Offense>): Offense {
  let o = cache.get(label);
  if (!o) {
    o = { category: map.get(normalizeLabel(label)) ?? 'unclassified', sourceLabel: label };
    if (cache.size < 100_000) cache.set(label, o);
  }
  return o;
}

const ISO_READER = compileDateFormat('iso');
/** Excel renders a time-only cell as a date-time on its day 0, 1899-12-30. */
const ANY_YEAR_ISO_READER = compileDateFormat('iso', { checkYear: false });

/** Spreadsheet cells may hold real dates: they arrive as ISO text or as Excel serial day numbers. */
export function withSpreadsheetFallback(read: DateReader, enabled: boolean): DateReader {
  if (!enabled) return read;
  return (text) => {
    const v = read(text);
    if (typeof v !== 'string') return v;
    const iso = ISO_READER(text);
    if (typeof iso !== 'string') return iso;
    const serial = /^\d+(\.\d+)?$/.test(text.trim()) ? excelSerialToWallTime(Number(text)) : null;
    return serial ?? v;
  };
}

/**
 * A spreadsheet time cell (an Excel time: day 0 plus a fraction) arrives from the reader as the ISO-like
 * text of 1899-12-30 at that time, e.g. "1899-12-30 12:30:00": take its time of day.
 */
function withSpreadsheetTimeFallback(read: DateReader, enabled: boolean): DateReader {
  if (!enabled) return read;
  return (text) => {
    const v = read(text);
    if (typeof v !== 'string') return v;
    const iso = ANY_YEAR_ISO_READER(text);
    return typeof iso !== 'string' && iso.hasTime ? iso : v;
  };
}
