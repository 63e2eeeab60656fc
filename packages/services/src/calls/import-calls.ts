import { basename } from 'node:path';
import { callIntervals, type CallIntervalFlag, type QuarantineReason } from '@vigia/domain';
import { compileCallRowMapper, createLocationPlacer, loadCallMapping, openRowSource } from '@vigia/ingest';
import type { CallImportCounts, Store } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';
import type { ImportIncidentsInput } from '../import/import-incidents.js';
import { rawRecord } from '../import/raw-record.js';
import { checkMappingTimeZone, countReasons, streamRows } from '../import/stream-rows.js';
import { requireCallStore } from './require-call-store.js';

/**
 * Input of `vigia import calls`: as for incidents (file, profile — seattle-cad, sacramento-cad or
 * generic with mappingFile —, nowMs, progress callbacks).
 */
export type ImportCallsInput = ImportIncidentsInput;

/**
 * The call import summary; `read` = stored + updated + unchanged + quarantined. Rows sharing a call id
 * (one per responding unit) are one call: each row gets its call's outcome.
 */
export interface CallImportSummary extends CallImportCounts {
  importId: number;
  read: number;
  quarantineReasons: Partial<Record<QuarantineReason, number>>;
  /** Stored rows whose timestamps are out of order, per flag (kept, left out of response times). */
  intervalFlags: Partial<Record<CallIntervalFlag, number>>;
  /** Stored rows with dates only (volume, no response time) and without an on-scene time. */
  dateOnly: number;
  noOnScene: number;
  officerInitiated: number;
  /** Identical rows in a source without call ids (kept as separate calls). */
  possibleDuplicates: number;
  unitsAvailable: number;
  noLocation: number;
  outsideJurisdiction: number;
  unitDisagreements: number;
  unknownSourceUnits: number;
  detected: { encoding: string; delimiter: string };
  durationMs: { stage: number; merge: number };
}

/**
 * Imports a CAD calls-for-service export with the same guarantees as incident import: streams rows,
 * validates them with the profile, places them in the unit hierarchy (the incident placement rules),
 * stages them and merges in one transaction (new, changed = new version, unchanged). Bad rows are
 * quarantined with reasons, file row, column and raw values; out-of-order timestamps are kept and
 * counted by flag (docs/methods/response-times.md).
 *
 * @throws VigiaError NOT_INITIALIZED, CALLS_NOT_SUPPORTED, UNKNOWN_PROFILE, MAPPING_REQUIRED,
 *   MAPPING_INVALID, INVALID_TIME_ZONE, FILE_NOT_FOUND, FILE_UNREADABLE, UNSUPPORTED_FILE_TYPE,
 *   HEADER_MISSING_COLUMN, HEADER_DUPLICATE_COLUMN, CSV_MALFORMED; nothing is stored when one is thrown.
 */
export async function importCalls(store: Store, input: ImportCallsInput): Promise<CallImportSummary> {
  const agency = await requireAgency(store);
  const calls = requireCallStore(store);
  const mapping = await loadCallMapping(input.profile, input.mappingFile);
  checkMappingTimeZone(mapping.timeZone);
  const source = await openRowSource(input.file, mapping);
  const file = basename(input.file);
  const mapRow = compileCallRowMapper(mapping, source.header, {
    file,
    agencyTimeZone: agency.timeZone,
    nowMs: input.nowMs,
    fromSpreadsheet: source.fromSpreadsheet,
  });
  const units = await store.listUnits();
  const place = createLocationPlacer(units, {
    unitOfRecord: mapping.unitOfRecord,
    sourceUnitLevel: mapping.sourceUnitLevel,
  });
  const session = await calls.beginCallImport({
    file,
    profile: input.profile,
    source: mapping.name,
    startedAt: input.nowMs,
    placement: { unitOfRecord: mapping.unitOfRecord, sourceUnitLevel: mapping.sourceUnitLevel },
    actor: input.actor,
  });
  const s = {
    quarantineReasons: {} as Partial<Record<QuarantineReason, number>>,
    intervalFlags: {} as Partial<Record<CallIntervalFlag, number>>,
    dateOnly: 0,
    noOnScene: 0,
    officerInitiated: 0,
    possibleDuplicates: 0,
    unitsAvailable: units.length,
    noLocation: 0,
    outsideJurisdiction: 0,
    unitDisagreements: 0,
    unknownSourceUnits: 0,
    detected: source.detected,
  };
  const t0 = performance.now();
  await streamRows(
    source,
    session,
    (rowNo, fields) => {
      const mapped = mapRow(fields);
      if (mapped.kind === 'quarantine') {
        countReasons(s.quarantineReasons, mapped.issues);
        session.addQuarantine(rowNo, mapped.issues, rawRecord(source.header, fields));
        return;
      }
      const r = mapped.record;
      if (mapped.duplicate && r.sourceIdDerived) s.possibleDuplicates++;
      if (r.timePrecision === 'date') s.dateOnly++;
      else if (r.onSceneAt === null) s.noOnScene++;
      if (r.officerInitiated) s.officerInitiated++;
      for (const f of callIntervals(r).flags) s.intervalFlags[f] = (s.intervalFlags[f] ?? 0) + 1;
      const p = place(r.lon, r.lat, r.sourceUnit);
      if (p.locationFlag === 'no_location') s.noLocation++;
      else if (p.locationFlag === 'outside_jurisdiction') s.outsideJurisdiction++;
      if (p.unitDisagrees) s.unitDisagreements++;
      if (r.sourceUnit !== null && p.sourceUnitId === null) s.unknownSourceUnits++;
      // The record is this row's own: placing it in place costs nothing, where an object spread of its
      // 26 fields was a fifth of the import's time (bench/calls.js, node --cpu-prof).
      session.addCall(rowNo, Object.assign(r, p));
    },
    input.onProgress,
  );
  const t1 = performance.now();
  input.onMerge?.();
  const counts = await session.finish(s);
  return {
    durationMs: { stage: Math.round(t1 - t0), merge: Math.round(performance.now() - t1) },
    importId: session.importId,
    read: counts.stored + counts.updated + counts.unchanged + counts.quarantined,
    ...counts,
    ...s,
  };
}
