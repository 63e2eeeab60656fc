import { incidentContentHashWords, fingerprintText } from '../fingerprint/fingerprint.js';
import { utcMs } from '../periods/local-date.js';
import type { OffenseCategory } from '../taxonomy/offense-categories.js';
import type { IncidentRecord, IncidentStatus, LocationFlag, Offense, PlacedIncident } from './incident.js';

/** Where an incident was placed: the fields a placement adds to its record. */
export type IncidentPlacement = Pick<
  PlacedIncident,
  'polygonUnitId' | 'sourceUnitId' | 'unitId' | 'locationFlag' | 'unitDisagrees'
>;

/** Location flags by their code in an {@link IncidentBatch}. */
export const LOCATION_FLAG_CODES: readonly LocationFlag[] = ['ok', 'no_location', 'outside_jurisdiction'];
/** Statuses by their code in an {@link IncidentBatch}. */
export const INCIDENT_STATUS_CODES: readonly IncidentStatus[] = ['reported', 'unfounded', 'cleared'];

/** The offenses of an incident, most serious first, as parallel lists (one entry of a batch dictionary). */
export interface OffenseSet {
  categories: OffenseCategory[];
  labels: string[];
}

/**
 * Placed incidents of an import in columns: typed arrays that a worker thread can hand over without
 * copying and that a store can bulk-load (the DuckDB store copies them into data chunks as they are).
 * Row `i` of every column is one incident; see {@link PlacedIncident} for the meaning of each field.
 *
 * Encodings: "none" is NaN for numbers (coordinates, report date) and -1 for indexes and unit ids;
 * times are epoch milliseconds — `occurredLocal` and `reportedDate` are the local wall time (second
 * precision) and the local date at 00:00 read as if they were UTC, so the store rebuilds the exact
 * `YYYY-MM-DDTHH:mm:ss` / `YYYY-MM-DD` texts; `contentHash` holds four fingerprint words per row
 * ({@link incidentContentHashWords}) in four planes of `capacity` words, word k of row i at
 * `k * capacity + i` (so each plane is a column; text with {@link contentHashText}).
 *
 * Offense lists and source unit texts repeat: rows give an index into dictionaries that grow with the
 * import. A batch carries the entries it added (`newOffenseSets`, `newSourceUnits`), so a consumer that
 * takes the batches of one builder in order (see {@link IncidentBatchDictionary}) knows every index.
 */
export interface IncidentBatch {
  length: number;
  /** Rows the arrays have room for (≥ length). */
  capacity: number;
  /** Spreadsheet row number (header = 1). */
  rowNo: Int32Array;
  /**
   * The source id of each row; or, when empty, every id of the batch was derived from row content and
   * is given as numbers: the row's fingerprint words (`idWords`, four planes like `contentHash`) and
   * its ordinal among identical rows (`idOrdinal`): the id is `h:<32 hex digits>#<ordinal>`
   * ({@link derivedIdText}).
   */
  sourceId: string[];
  idWords: Uint32Array;
  idOrdinal: Int32Array;
  /** 1 when the source id was derived from the row content. */
  sourceIdDerived: Uint8Array;
  contentHash: Uint32Array;
  occurredAt: Float64Array;
  occurredLocal: Float64Array;
  reportedDate: Float64Array;
  offenseSet: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  sourceUnit: Int32Array;
  sourceUnitId: Int32Array;
  polygonUnitId: Int32Array;
  unitId: Int32Array;
  /** Index into {@link LOCATION_FLAG_CODES}. */
  locationFlag: Uint8Array;
  unitDisagrees: Uint8Array;
  /** Index into {@link INCIDENT_STATUS_CODES}. */
  status: Uint8Array;
  /** Arrest flag ({@link arrestCode}): 0 = the source does not say, 1 = no arrest, 2 = arrest. */
  arrest: Uint8Array;
  /** Offense sets first used in this batch; the first has index `offenseSetsFrom`. */
  newOffenseSets: OffenseSet[];
  offenseSetsFrom: number;
  /** Source unit texts first used in this batch; the first has index `sourceUnitsFrom`. */
  newSourceUnits: string[];
  sourceUnitsFrom: number;
}

/** The typed-array columns of a batch (what a worker transfers), for iteration. */
export const INCIDENT_BATCH_ARRAYS = [
  'rowNo',
  'idWords',
  'idOrdinal',
  'sourceIdDerived',
  'contentHash',
  'occurredAt',
  'occurredLocal',
  'reportedDate',
  'offenseSet',
  'lon',
  'lat',
  'sourceUnit',
  'sourceUnitId',
  'polygonUnitId',
  'unitId',
  'locationFlag',
  'unitDisagrees',
  'status',
  'arrest',
] as const;

/** The buffers of a batch's typed arrays: the transfer list of a `postMessage`. */
export function incidentBatchBuffers(b: IncidentBatch): ArrayBuffer[] {
  return INCIDENT_BATCH_ARRAYS.map((k) => b[k].buffer as ArrayBuffer);
}

function emptyBatch(capacity: number, offenseSetsFrom: number, sourceUnitsFrom: number): IncidentBatch {
  return {
    length: 0,
    capacity,
    rowNo: new Int32Array(capacity),
    sourceId: [],
    idWords: new Uint32Array(capacity * 4),
    idOrdinal: new Int32Array(capacity),
    sourceIdDerived: new Uint8Array(capacity),
    contentHash: new Uint32Array(capacity * 4),
    occurredAt: new Float64Array(capacity),
    occurredLocal: new Float64Array(capacity),
    reportedDate: new Float64Array(capacity),
    offenseSet: new Int32Array(capacity),
    lon: new Float64Array(capacity),
    lat: new Float64Array(capacity),
    sourceUnit: new Int32Array(capacity),
    sourceUnitId: new Int32Array(capacity),
    polygonUnitId: new Int32Array(capacity),
    unitId: new Int32Array(capacity),
    locationFlag: new Uint8Array(capacity),
    unitDisagrees: new Uint8Array(capacity),
    status: new Uint8Array(capacity),
    arrest: new Uint8Array(capacity),
    newOffenseSets: [],
    offenseSetsFrom,
    newSourceUnits: [],
    sourceUnitsFrom,
  };
}

const WORDS = new Uint32Array(4);

/**
 * What an importer may already know about a record: `String(lon)` / `String(lat)` (null: not known)
 * and `occurredLocal` as epoch ms read as UTC (NaN: not known; whole seconds, years 0–9999). Each
 * must be exact when given. With `occurredLocalMs`, the record's `occurredLocal` text is not read (an
 * importer may leave it empty).
 */
export interface RecordHints {
  lonText: string | null;
  latText: string | null;
  occurredLocalMs: number;
}

const NO_HINTS: RecordHints = { lonText: null, latText: null, occurredLocalMs: NaN };

/** The content hash text of row `i` of a batch (see {@link IncidentBatch}). */
export function contentHashText(b: IncidentBatch, i: number): string {
  for (let k = 0; k < 4; k++) WORDS[k] = b.contentHash[k * b.capacity + i]!;
  return fingerprintText(WORDS, 0);
}

/** The source id of row `i` of a batch, given or derived (see {@link IncidentBatch}). */
export function batchSourceId(b: IncidentBatch, i: number): string {
  if (b.sourceId.length > 0) return b.sourceId[i]!;
  for (let k = 0; k < 4; k++) WORDS[k] = b.idWords[k * b.capacity + i]!;
  return derivedIdText(fingerprintText(WORDS, 0), b.idOrdinal[i]!);
}

/**
 * The source id derived for a row without one: its fingerprint text and its ordinal among identical
 * rows of the file (see ingest's RowFingerprints).
 */
export function derivedIdText(hash: string, ordinal: number): string {
  return `h:${hash}#${ordinal}`;
}

/** The code of an arrest flag in an {@link IncidentBatch}: 0 = not known, 1 = no arrest, 2 = arrest. */
export function arrestCode(arrest: boolean | null): number {
  return arrest === null ? 0 : arrest ? 2 : 1;
}

/** The arrest flag of an {@link arrestCode}. */
export function arrestFromCode(code: number): boolean | null {
  return code === 0 ? null : code === 2;
}

const LOCATION_FLAG_INDEX = new Map(LOCATION_FLAG_CODES.map((f, i) => [f, i]));

/** The code of a location flag in {@link IncidentBatch} `locationFlag` (its index in LOCATION_FLAG_CODES). */
export function locationFlagCode(flag: LocationFlag): number {
  return flag === LOCATION_FLAG_CODES[0] ? 0 : LOCATION_FLAG_INDEX.get(flag)!;
}
const STATUS_INDEX = new Map(INCIDENT_STATUS_CODES.map((s, i) => [s, i]));

/**
 * Epoch ms of a local text `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm:ss` read as UTC (years 0–9999).
 * @throws Error for any other shape (a programming error: importers produce these texts).
 */
export function localTextToMs(text: string): number {
  const d = (i: number) => text.charCodeAt(i) - 48;
  const n2 = (i: number) => d(i) * 10 + d(i + 1);
  if (!(text.length === 10 || (text.length === 19 && text[10] === 'T'))) {
    throw new Error(`not a local date-time text: ${text}`);
  }
  const y = n2(0) * 100 + n2(2);
  const ms = text.length === 10 ? utcMs(y, n2(5), n2(8)) : utcMs(y, n2(5), n2(8), n2(11), n2(14), n2(17));
  // Date.UTC maps years 0–99 to 1900–1999: set the year itself.
  if (y < 100) {
    const t = new Date(ms);
    t.setUTCFullYear(y);
    return t.getTime();
  }
  return ms;
}

/**
 * Collects placed incidents into {@link IncidentBatch}es of at most `capacity` rows, keeping the offense
 * set and source unit dictionaries of one import. `add` returns true when the batch is full: then
 * `take` it.
 */
export class IncidentBatchBuilder {
  private batch: IncidentBatch;
  private readonly offenseSets = new Map<string, number>();
  /** Offense lists of one offense, by object (importers reuse one object per label). */
  private readonly singleSets = new Map<Offense, number>();
  private readonly sourceUnits = new Map<string, number>();
  private offenseSetCount = 0;
  private lastSingle: Offense | null = null;
  private lastSingleIndex = 0;
  private sourceUnitCount = 0;

  constructor(private readonly capacity = 8192) {
    this.batch = emptyBatch(capacity, 0, 0);
  }

  /** Rows added since the last `take`. */
  get length(): number {
    return this.batch.length;
  }

  /** Appends one incident; true when the batch has reached its capacity. */
  add(rowNo: number, p: PlacedIncident): boolean {
    return this.addRecord(rowNo, p, p, null);
  }

  /**
   * Appends one incident from its record and placement; `derived` gives the fingerprint words and
   * ordinal of a row whose id was derived and left empty in the record (see IncidentBatch.sourceId).
   * Every row of a batch must come with `derived` or every row without. `hints` spare work the
   * caller has done already (see {@link RecordHints}).
   * @throws Error when a batch would mix the two.
   */
  addRecord(
    rowNo: number,
    r: IncidentRecord,
    place: IncidentPlacement,
    derived: { words: Uint32Array; ordinal: number } | null,
    hints: RecordHints = NO_HINTS,
  ): boolean {
    const b = this.batch;
    const i = b.length;
    const cap = this.capacity;
    if (derived === null) {
      if (b.sourceId.length !== i) throw new Error('a batch holds given ids or derived ones, not both');
      b.sourceId.push(r.sourceId);
    } else {
      if (b.sourceId.length > 0) throw new Error('a batch holds given ids or derived ones, not both');
      for (let k = 0; k < 4; k++) b.idWords[k * cap + i] = derived.words[k]!;
      b.idOrdinal[i] = derived.ordinal;
    }
    b.rowNo[i] = rowNo;
    b.sourceIdDerived[i] = r.sourceIdDerived ? 1 : 0;
    incidentContentHashWords(r, WORDS, 0, hints.lonText, hints.latText, hints.occurredLocalMs);
    for (let k = 0; k < 4; k++) b.contentHash[k * cap + i] = WORDS[k]!;
    b.occurredAt[i] = r.occurredAt;
    const localMs = hints.occurredLocalMs;
    b.occurredLocal[i] = Number.isNaN(localMs) ? localTextToMs(r.occurredLocal) : localMs;
    b.reportedDate[i] = r.reportedLocalDate === null ? NaN : localTextToMs(r.reportedLocalDate);
    b.offenseSet[i] = this.offenseSetIndex(r.offenses);
    b.lon[i] = r.lon ?? NaN;
    b.lat[i] = r.lat ?? NaN;
    b.sourceUnit[i] = r.sourceUnit === null ? -1 : this.sourceUnitIndex(r.sourceUnit);
    b.sourceUnitId[i] = place.sourceUnitId ?? -1;
    b.polygonUnitId[i] = place.polygonUnitId ?? -1;
    b.unitId[i] = place.unitId ?? -1;
    b.locationFlag[i] = locationFlagCode(place.locationFlag);
    b.unitDisagrees[i] = place.unitDisagrees ? 1 : 0;
    b.status[i] = r.status === INCIDENT_STATUS_CODES[0] ? 0 : STATUS_INDEX.get(r.status)!;
    b.arrest[i] = arrestCode(r.arrest);
    b.length = i + 1;
    return b.length >= cap;
  }

  /** The rows added since the last call (possibly none), and a fresh batch for the next ones. */
  take(): IncidentBatch {
    const b = this.batch;
    this.batch = emptyBatch(this.capacity, this.offenseSetCount, this.sourceUnitCount);
    return b;
  }

  private offenseSetIndex(offenses: readonly Offense[]): number {
    if (offenses.length === 1) {
      // Rows in a row mostly share their offense: the last one's index spares the lookup.
      if (offenses[0] === this.lastSingle) return this.lastSingleIndex;
      const known = this.singleSets.get(offenses[0]!);
      if (known !== undefined) {
        this.lastSingle = offenses[0]!;
        this.lastSingleIndex = known;
        return known;
      }
    }
    // Categories and labels never contain U+001F (labels are trimmed cell text; the separator would
    // have to be typed into a police record), so this key is unambiguous.
    let key = '';
    for (const o of offenses) key += `${o.category}\u001f${o.sourceLabel}\u001f`;
    let k = this.offenseSets.get(key);
    if (k === undefined) {
      k = this.offenseSetCount++;
      this.offenseSets.set(key, k);
      this.batch.newOffenseSets.push({
        categories: offenses.map((o) => o.category),
        labels: offenses.map((o) => o.sourceLabel),
      });
    }
    if (offenses.length === 1 && this.singleSets.size < 100_000) this.singleSets.set(offenses[0]!, k);
    return k;
  }

  private sourceUnitIndex(text: string): number {
    let k = this.sourceUnits.get(text);
    if (k === undefined) {
      k = this.sourceUnitCount++;
      this.sourceUnits.set(text, k);
      this.batch.newSourceUnits.push(text);
    }
    return k;
  }
}

/**
 * The dictionaries of the batches of one builder, as a consumer rebuilds them: feed every batch to
 * `absorb` in order, then read rows with {@link IncidentBatchDictionary.row}.
 * @throws Error from `absorb` when a batch comes out of order.
 */
export class IncidentBatchDictionary {
  readonly offenseSets: OffenseSet[] = [];
  readonly sourceUnits: string[] = [];

  absorb(b: IncidentBatch): void {
    if (b.offenseSetsFrom !== this.offenseSets.length || b.sourceUnitsFrom !== this.sourceUnits.length) {
      throw new Error('incident batches must be taken in the order they were built');
    }
    this.offenseSets.push(...b.newOffenseSets);
    this.sourceUnits.push(...b.newSourceUnits);
  }

  /** Row `i` of `b` as a placed incident, with its content hash text. */
  row(b: IncidentBatch, i: number): PlacedIncident & { contentHash: string } {
    const set = this.offenseSets[b.offenseSet[i]!]!;
    const lon = b.lon[i]!;
    const lat = b.lat[i]!;
    const reported = b.reportedDate[i]!;
    const su = b.sourceUnit[i]!;
    const id = (v: number) => (v < 0 ? null : v);
    return {
      sourceId: batchSourceId(b, i),
      sourceIdDerived: b.sourceIdDerived[i] === 1,
      contentHash: contentHashText(b, i),
      occurredAt: b.occurredAt[i]!,
      occurredLocal: new Date(b.occurredLocal[i]!).toISOString().slice(0, 19),
      reportedLocalDate: Number.isNaN(reported) ? null : new Date(reported).toISOString().slice(0, 10),
      offenses: set.categories.map((category, k) => ({ category, sourceLabel: set.labels[k]! })),
      lon: Number.isNaN(lon) ? null : lon,
      lat: Number.isNaN(lat) ? null : lat,
      sourceUnit: su < 0 ? null : this.sourceUnits[su]!,
      status: INCIDENT_STATUS_CODES[b.status[i]!]!,
      arrest: arrestFromCode(b.arrest[i]!),
      sourceUnitId: id(b.sourceUnitId[i]!),
      polygonUnitId: id(b.polygonUnitId[i]!),
      unitId: id(b.unitId[i]!),
      locationFlag: LOCATION_FLAG_CODES[b.locationFlag[i]!]!,
      unitDisagrees: b.unitDisagrees[i] === 1,
    };
  }
}
