import { basename } from 'node:path';
import type { QuarantineReason } from '@vigia/domain';
import { compileRowMapper, createPlacer, loadMapping, openRowSource } from '@vigia/ingest';
import { UNKNOWN_ACTOR, type ImportCounts, type Store } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';
import { replaceIncidents } from '../units/replace-incidents.js';
import { rawRecord } from './raw-record.js';
import { checkMappingTimeZone, countReasons, streamRows } from './stream-rows.js';

/** Input of `vigia import incidents`. */
export interface ImportIncidentsInput {
  file: string;
  profile: string;
  mappingFile?: string | undefined;
  /** "Now" (UTC epoch ms): later occurrences are quarantined. A parameter so tests are repeatable. */
  nowMs: number;
  /** Called every batch with bytes read and total bytes (for a progress bar). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Called once all rows are read, before the store merges them (seconds at millions of rows). */
  onMerge?: () => void;
  /**
   * Who imports, for the audit log (`cli:<user>@<host>`, `user:<id>:<name>`, `system:demo`; see
   * docs/audit.md). The store writes the `import.*` row in the merge's transaction.
   */
  actor?: string | undefined;
}

/**
 * The import summary; `read` = stored + updated + unchanged + quarantined (the reconciliation rule).
 * Rows sharing a source id are one incident: each row gets its incident's outcome.
 */
export interface ImportSummary extends ImportCounts {
  importId: number;
  read: number;
  quarantineReasons: Partial<Record<QuarantineReason, number>>;
  /**
   * Identical rows (every field equal to an earlier row) in a source without record ids: kept as
   * separate incidents. (With record ids, rows sharing an id are one incident: see `incidents`.)
   */
  possibleDuplicates: number;
  /** Units the agency had when the rows were placed; 0 means incidents count only in the agency total. */
  unitsAvailable: number;
  /** Stored rows (this import) flagged so: they count in the source's unit, or only in the agency total. */
  noLocation: number;
  outsideJurisdiction: number;
  /** Rows whose source unit differs from the unit their point falls in. */
  unitDisagreements: number;
  /** Rows naming a unit code that is not among the imported units. */
  unknownSourceUnits: number;
  /** Source labels with no category mapping, with row counts; stored as "unclassified". */
  unclassifiedLabels: Record<string, number>;
  detected: { encoding: string; delimiter: string };
  /** Wall time of the two phases, in milliseconds: read/validate/place/stage, and the store merge. */
  durationMs: { stage: number; merge: number };
}

/**
 * Imports an incident export: streams rows, validates and maps them with the profile, places them in
 * the unit hierarchy, stages them, and merges in one transaction (new, changed = new version, unchanged).
 * Bad rows are quarantined with their reasons, file row number, column and raw values.
 *
 * @throws VigiaError NOT_INITIALIZED, UNKNOWN_PROFILE, MAPPING_REQUIRED, MAPPING_INVALID,
 *   FILE_NOT_FOUND, FILE_UNREADABLE, UNSUPPORTED_FILE_TYPE, HEADER_MISSING_COLUMN,
 *   HEADER_DUPLICATE_COLUMN, CSV_MALFORMED; nothing is stored when one is thrown.
 */
export async function importIncidents(store: Store, input: ImportIncidentsInput): Promise<ImportSummary> {
  const agency = await requireAgency(store);
  const mapping = await loadMapping(input.profile, input.mappingFile);
  checkMappingTimeZone(mapping.timeZone);
  const source = await openRowSource(input.file, mapping);
  const file = basename(input.file);
  const mapRow = compileRowMapper(mapping, source.header, {
    file,
    agencyTimeZone: agency.timeZone,
    nowMs: input.nowMs,
    fromSpreadsheet: source.fromSpreadsheet,
  });
  const units = await store.listUnits();
  const place = createPlacer(units, {
    unitOfRecord: mapping.unitOfRecord,
    sourceUnitLevel: mapping.sourceUnitLevel,
  });

  const previousRules = (await store.listSourcePlacements()).find((s) => s.source === mapping.name)?.rules;
  const session = await store.beginIncidentImport({
    file,
    profile: input.profile,
    source: mapping.name,
    startedAt: input.nowMs,
    placement: { unitOfRecord: mapping.unitOfRecord, sourceUnitLevel: mapping.sourceUnitLevel },
    actor: input.actor,
  });
  const reasons: Partial<Record<QuarantineReason, number>> = {};
  const unclassified: Record<string, number> = {};
  let duplicates = 0;
  let noLocation = 0;
  let outside = 0;
  let disagreements = 0;
  let unknownUnits = 0;
  const t0 = performance.now();
  await streamRows(
    source,
    session,
    (rowNo, fields) => {
      const mapped = mapRow(fields);
      if (mapped.duplicate && mapped.kind === 'incident' && mapped.record.sourceIdDerived) duplicates++;
      if (mapped.kind === 'quarantine') {
        countReasons(reasons, mapped.issues);
        session.addQuarantine(rowNo, mapped.issues, rawRecord(source.header, fields));
        return;
      }
      const placed = place(mapped.record);
      if (placed.locationFlag === 'no_location') noLocation++;
      else if (placed.locationFlag === 'outside_jurisdiction') outside++;
      if (placed.unitDisagrees) disagreements++;
      if (placed.sourceUnit !== null && placed.sourceUnitId === null) unknownUnits++;
      for (const o of placed.offenses) {
        if (o.category === 'unclassified') {
          const label = o.sourceLabel.length > 200 ? `${o.sourceLabel.slice(0, 200)}…` : o.sourceLabel;
          unclassified[label] = (unclassified[label] ?? 0) + 1;
        }
      }
      session.addIncident(rowNo, placed);
    },
    input.onProgress,
  );
  const extra = {
    quarantineReasons: reasons,
    possibleDuplicates: duplicates,
    noLocation,
    outsideJurisdiction: outside,
    unitDisagreements: disagreements,
    unknownSourceUnits: unknownUnits,
    unitsAvailable: units.length,
    unclassifiedLabels: unclassified,
    detected: source.detected,
  };
  const t1 = performance.now();
  input.onMerge?.();
  const counts = await session.finish(extra);
  // A source has one set of placement rules, its latest import's: when they change, the incidents the
  // source already had follow at once (not at some later unit import).
  if (
    previousRules &&
    (previousRules.unitOfRecord !== mapping.unitOfRecord ||
      (previousRules.sourceUnitLevel ?? null) !== (mapping.sourceUnitLevel ?? null))
  ) {
    counts.replaced += await replaceIncidents(store, mapping.name, {
      actor: input.actor ?? UNKNOWN_ACTOR,
      cause: 'import.incidents',
    });
  }
  const durationMs = { stage: Math.round(t1 - t0), merge: Math.round(performance.now() - t1) };
  return {
    durationMs,
    importId: session.importId,
    read: counts.stored + counts.updated + counts.unchanged + counts.quarantined,
    ...counts,
    ...extra,
  };
}
