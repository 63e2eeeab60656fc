import { basename } from 'node:path';
import type { QuarantineReason } from '@vigia/domain';
import { loadMapping, openIncidentFile } from '@vigia/ingest';
import {
  UNKNOWN_ACTOR,
  type ImportCounts,
  type IncidentImportSession,
  type PlacementRulesRecord,
  type Store,
} from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';
import { replaceIncidents } from '../units/replace-incidents.js';
import { checkMappingTimeZone } from './stream-rows.js';

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
  /**
   * Map the rows on a worker thread (true) or in this thread (false); default: a worker for files of
   * 16 MiB or more. The results are the same.
   */
  worker?: boolean | undefined;
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
  /**
   * Arrest cells the mapping could not read (in neither `arrest.values` nor `arrest.falseValues`), with
   * row counts: those incidents are stored with the arrest flag unknown (docs/import-mapping.md).
   */
  unreadableArrestValues: Record<string, number>;
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
  const file = basename(input.file);
  const units = await store.listUnits();
  const reader = await openIncidentFile(
    {
      file: input.file,
      mapping,
      agencyTimeZone: agency.timeZone,
      nowMs: input.nowMs,
      units,
      rules: { unitOfRecord: mapping.unitOfRecord, sourceUnitLevel: mapping.sourceUnitLevel },
    },
    { worker: input.worker },
  );

  let session: IncidentImportSession;
  let previousRules: PlacementRulesRecord | undefined;
  try {
    previousRules = (await store.listSourcePlacements()).find((s) => s.source === mapping.name)?.rules;
    session = await store.beginIncidentImport({
      file,
      profile: input.profile,
      source: mapping.name,
      startedAt: input.nowMs,
      placement: { unitOfRecord: mapping.unitOfRecord, sourceUnitLevel: mapping.sourceUnitLevel },
      actor: input.actor,
    });
  } catch (e) {
    await reader.close();
    throw e;
  }
  const t0 = performance.now();
  try {
    for await (const chunk of reader.chunks) {
      session.addIncidentBatch(chunk.batch);
      for (const q of chunk.quarantine) session.addQuarantine(q.rowNo, q.issues, q.raw);
      await session.drain(); // a server store may still be taking the rows: bounded memory
      input.onProgress?.(chunk.bytesRead, reader.totalBytes);
      // Let the event loop run between chunks, so a server importing an upload still answers requests.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (e) {
    await reader.close();
    await session.abort();
    throw e;
  }
  const rows = reader.summary();
  const extra = {
    quarantineReasons: rows.quarantineReasons,
    possibleDuplicates: rows.possibleDuplicates,
    noLocation: rows.noLocation,
    outsideJurisdiction: rows.outsideJurisdiction,
    unitDisagreements: rows.unitDisagreements,
    unknownSourceUnits: rows.unknownSourceUnits,
    unitsAvailable: units.length,
    unclassifiedLabels: rows.unclassifiedLabels,
    unreadableArrestValues: rows.unreadableArrestValues,
    detected: reader.detected,
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
