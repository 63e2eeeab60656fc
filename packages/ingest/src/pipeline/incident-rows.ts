import {
  IncidentBatchBuilder,
  type IncidentBatch,
  type QuarantineReason,
  type RowIssue,
} from '@vigia/domain';
import {
  createLocationPlacer,
  type Placement,
  type PlacementRules,
  type PlacementUnit,
} from '../placement/place-incident.js';
import { countPlacement } from '../placement/batch-placer.js';
import type { ImportMapping } from '../profiles/mapping.js';
import { isBlankRow } from '../readers/row-source.js';
import { compileRowMapper, type RowMapperOptions } from '../rows/row-mapper.js';
import { RowFingerprints } from '../rows/stable-id.js';

/** A row kept aside: its spreadsheet row number, issues and raw fields by header name. */
export interface QuarantinedInput {
  rowNo: number;
  issues: RowIssue[];
  raw: Record<string, string>;
}

/** What a stretch of rows became: placed incidents in columns, and the quarantined rows. */
export interface IncidentRowsChunk {
  batch: IncidentBatch;
  quarantine: QuarantinedInput[];
}

/** Figures of the rows seen so far, for the import summary (see ImportSummary in services). */
export interface IncidentRowsSummary {
  quarantineReasons: Partial<Record<QuarantineReason, number>>;
  /** Identical rows in a source without record ids (kept as separate incidents). */
  possibleDuplicates: number;
  noLocation: number;
  outsideJurisdiction: number;
  unitDisagreements: number;
  unknownSourceUnits: number;
  /** Source labels with no category mapping (clipped to 200 characters), with row counts. */
  unclassifiedLabels: Record<string, number>;
  /**
   * Arrest cells the mapping could not read (in neither `arrest.values` nor `arrest.falseValues`;
   * clipped to 200 characters), with row counts: those incidents are stored with the flag unknown.
   */
  unreadableArrestValues: Record<string, number>;
}

/** Everything that turns the raw rows of one file into placed incidents. */
export interface IncidentRowsSetup {
  mapping: ImportMapping;
  header: readonly string[];
  mapper: RowMapperOptions;
  units: readonly PlacementUnit[];
  rules: PlacementRules;
  /** Rows per batch (default 8192). */
  batchRows?: number;
  /** Size of the file, a hint for memory sizing. */
  fileBytes?: number;
  /**
   * False: leave the rows unplaced (their placement columns are then filled by a BatchPlacer in the
   * thread that stores the batches, and the summary's placement figures stay 0; `units` is unused).
   * Default true.
   */
  place?: boolean;
}

/** What an unplaced row's placement columns hold until a BatchPlacer fills them. */
const UNPLACED: Placement = {
  polygonUnitId: null,
  sourceUnitId: null,
  unitId: null,
  locationFlag: 'ok',
  unitDisagrees: false,
};

/** A row's raw fields by header name (extra fields as `column_N`), as kept with a quarantined row. */
export function rawRecord(header: readonly string[], fields: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  const n = Math.max(header.length, fields.length);
  for (let i = 0; i < n; i++) raw[header[i] ?? `column_${i + 1}`] = fields[i] ?? '';
  return raw;
}

/** Adds a quarantined row to the per-reason counts (a row with three empty fields counts once). */
export function countReasons(
  counts: Partial<Record<QuarantineReason, number>>,
  issues: readonly RowIssue[],
): void {
  for (const reason of new Set(issues.map((i) => i.reason))) counts[reason] = (counts[reason] ?? 0) + 1;
}

/**
 * The per-row work of an incident import, independent of where it runs (the import's worker thread,
 * or the caller's thread for small files): validate and map each row with the profile, place it in
 * the unit hierarchy, and collect incidents into columnar batches and bad rows into quarantine, with
 * the summary figures.
 *
 * @throws VigiaError from the constructor as {@link compileRowMapper} does (header problems).
 */
export class IncidentRows {
  readonly summary: IncidentRowsSummary = {
    quarantineReasons: {},
    possibleDuplicates: 0,
    noLocation: 0,
    outsideJurisdiction: 0,
    unitDisagreements: 0,
    unknownSourceUnits: 0,
    unclassifiedLabels: {},
    unreadableArrestValues: {},
  };
  private readonly mapRow: ReturnType<typeof compileRowMapper>;
  /** Null when the rows are placed later (see IncidentRowsSetup.place). */
  private readonly place: ReturnType<typeof createLocationPlacer> | null;
  /** Fingerprints of rows without a source id: their derived ids stay numbers (see RowMapperOptions). */
  private readonly fingerprints: RowFingerprints;
  private readonly builder: IncidentBatchBuilder;
  private quarantine: QuarantinedInput[] = [];
  private readonly header: readonly string[];
  private readonly derivedIds: boolean;
  /**
   * Rows hashed since the last `take` whose ordinals are not counted yet (see RowFingerprints.queue):
   * for each, its index in the current batch, or -1 for a quarantined row (it counts all the same).
   */
  private queuedAt = new Int32Array(0);
  private ordinals = new Int32Array(0);

  constructor(setup: IncidentRowsSetup) {
    this.header = setup.header;
    // Sized for the file (~48 bytes a row: the narrowest exports, e.g. Chicago's 45) when rows have
    // no id, to spare regrowing the table; a wider file only leaves it emptier.
    const derivedIds = setup.mapping.columns.sourceId === undefined;
    this.fingerprints = new RowFingerprints(derivedIds ? (setup.fileBytes ?? 0) / 48 : 0);
    this.mapRow = compileRowMapper(setup.mapping, setup.header, {
      ...setup.mapper,
      fingerprints: this.fingerprints,
      deferOrdinals: true,
      omitLocalText: true,
    });
    this.derivedIds = derivedIds;
    this.place = setup.place === false ? null : createLocationPlacer(setup.units, setup.rules);
    this.builder = new IncidentBatchBuilder(setup.batchRows ?? 8192);
  }

  /** Rows waiting in the current batch; `take` them when it is full (see `add`). */
  get pending(): number {
    return this.builder.length + this.quarantine.length;
  }

  /**
   * Maps one raw row with its spreadsheet row number; blank rows are skipped. Returns true when the
   * current batch is full: call `take` before adding more.
   */
  add(rowNo: number, fields: string[]): boolean {
    if (isBlankRow(fields)) return false;
    const s = this.summary;
    const mapped = this.mapRow(fields);
    const queued = this.derivedIds ? this.fingerprints.queuedRows - 1 : -1;
    if (queued >= this.queuedAt.length) this.growQueue(queued + 1);
    if (mapped.kind === 'quarantine') {
      if (queued >= 0) this.queuedAt[queued] = -1;
      countReasons(s.quarantineReasons, mapped.issues);
      this.quarantine.push({ rowNo, issues: mapped.issues, raw: rawRecord(this.header, fields) });
      return this.quarantine.length >= 8192;
    }
    const r = mapped.record;
    let placed = UNPLACED;
    if (this.place !== null) {
      placed = this.place(r.lon, r.lat, r.sourceUnit);
      countPlacement(s, placed, r.sourceUnit !== null);
    }
    const offenses = r.offenses;
    for (let k = 0; k < offenses.length; k++) {
      const o = offenses[k]!;
      if (o.category === 'unclassified') {
        const label = o.sourceLabel.length > 200 ? `${o.sourceLabel.slice(0, 200)}…` : o.sourceLabel;
        s.unclassifiedLabels[label] = (s.unclassifiedLabels[label] ?? 0) + 1;
      }
    }
    const bad = mapped.arrestUnreadable;
    if (bad !== null) s.unreadableArrestValues[bad] = (s.unreadableArrestValues[bad] ?? 0) + 1;
    const derived = r.sourceIdDerived ? this.fingerprints : null;
    if (queued >= 0) this.queuedAt[queued] = this.builder.length;
    return this.builder.addRecord(rowNo, r, placed, derived, mapped);
  }

  /** The incidents and quarantined rows added since the last call. */
  take(): IncidentRowsChunk {
    const batch = this.builder.take();
    this.resolveOrdinals(batch);
    const chunk = { batch, quarantine: this.quarantine };
    this.quarantine = [];
    return chunk;
  }

  /**
   * Counts the ordinals of the rows queued since the last `take` (in bulk: see
   * RowFingerprints.resolveQueued) into the batch's `idOrdinal`, and the identical rows among them.
   */
  private resolveOrdinals(batch: IncidentBatch): void {
    const n = this.fingerprints.queuedRows;
    if (n === 0) return;
    if (this.ordinals.length < n) this.ordinals = new Int32Array(this.queuedAt.length);
    const ordinals = this.ordinals;
    this.fingerprints.resolveQueued(ordinals);
    const at = this.queuedAt;
    let duplicates = 0;
    for (let j = 0; j < n; j++) {
      const i = at[j]!;
      if (i < 0) continue;
      const ordinal = ordinals[j]!;
      batch.idOrdinal[i] = ordinal;
      if (ordinal > 1) duplicates++;
    }
    this.summary.possibleDuplicates += duplicates;
  }

  private growQueue(rows: number): void {
    const grown = new Int32Array(Math.max(rows, 2 * this.queuedAt.length, 1024));
    grown.set(this.queuedAt);
    this.queuedAt = grown;
  }
}
