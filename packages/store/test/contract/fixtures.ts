import type { PlacedIncident, RowIssue } from '@vigia/domain';
import type { ImportCounts, ImportMeta, Store } from '../../src/index.js';

/**
 * Opens a fresh, empty store of one kind; `cleanup` closes it and removes what it created. `ownerSql`
 * runs SQL on the database behind the store's back, as its owner could (tamper tests), and returns the
 * store to use afterwards (DuckDB must close and reopen its file to let another connection in).
 */
export type StoreFactory = () => Promise<{
  store: Store;
  reopen: () => Promise<Store>;
  cleanup: () => Promise<void>;
  ownerSql: (sql: string) => Promise<Store>;
}>;

export const NOW = Date.UTC(2020, 0, 1);

/** Square of side 1 with corner (x, y), as a Polygon. */
export function square(x: number, y: number) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  };
}

/**
 * Sets up the agency (America/Chicago) and two levels: districts D1, D2 and beats B11 (in D1) and
 * B21 (in D2). Returns unit ids by code.
 */
export async function seedUnits(store: Store): Promise<Record<string, number>> {
  await store.createAgency({ name: 'Contract PD', country: 'US', timeZone: 'America/Chicago', locale: 'en' });
  await store.upsertUnits('district', null, [
    { code: 'D1', name: 'District 1', parentId: null, geometry: square(0, 0) },
    { code: 'D2', name: 'District 2', parentId: null, geometry: square(1, 0) },
  ]);
  const ids = async (): Promise<Record<string, number>> =>
    Object.fromEntries((await store.listUnits({ withGeometry: false })).map((u) => [u.code, u.id]));
  const d = await ids();
  await store.upsertUnits('beat', 'district', [
    { code: 'B11', name: 'Beat 11', parentId: d['D1']!, geometry: square(0, 0) },
    { code: 'B21', name: 'Beat 21', parentId: d['D2']!, geometry: square(1, 0) },
  ]);
  return ids();
}

/** An import's metadata as the tests use it (source `rms`, generic profile, polygon placement), with overrides. */
export function importMeta(over: Partial<ImportMeta> = {}): ImportMeta {
  return {
    file: 'incidents.csv',
    profile: 'generic',
    source: 'rms',
    startedAt: NOW,
    placement: { unitOfRecord: 'polygon' },
    ...over,
  };
}

/** A placed robbery on 2019-12-10 09:00 Chicago time in `unitId`, with any field overridden. */
export function incident(
  sourceId: string,
  unitId: number | null,
  over: Partial<PlacedIncident> = {},
): PlacedIncident {
  return {
    sourceId,
    sourceIdDerived: false,
    occurredAt: Date.UTC(2019, 11, 10, 15),
    occurredLocal: '2019-12-10T09:00:00',
    reportedLocalDate: '2019-12-11',
    offenses: [{ category: 'robbery', sourceLabel: 'ROBO' }],
    lon: 0.5,
    lat: 0.5,
    sourceUnit: null,
    status: 'reported',
    arrest: null,
    polygonUnitId: unitId,
    sourceUnitId: null,
    unitId,
    locationFlag: 'ok',
    unitDisagrees: false,
    ...over,
  };
}

/** A quarantine issue list of one bad date. */
export const BAD_DATE: RowIssue[] = [{ reason: 'BAD_DATE', column: 'date', value: '31/02/2019' }];

/** Runs one import of `rows` (row number = index + 2) and `quarantined` rows; returns id and counts. */
export async function runImport(
  store: Store,
  rows: readonly PlacedIncident[],
  options: { file?: string; source?: string; quarantined?: number[] } = {},
): Promise<{ importId: number; counts: ImportCounts }> {
  const session = await store.beginIncidentImport(
    importMeta({ file: options.file ?? 'incidents.csv', source: options.source ?? 'rms' }),
  );
  rows.forEach((r, i) => session.addIncident(i + 2, r));
  for (const rowNo of options.quarantined ?? []) {
    session.addQuarantine(rowNo, BAD_DATE, { id: `q${rowNo}`, date: '31/02/2019' });
  }
  await session.drain();
  return { importId: session.importId, counts: await session.finish({ note: 'contract' }) };
}

/** The agency total and per-unit counts of one window, as `unit|category → count`. */
export async function countsOf(
  store: Store,
  window = { start: '2019-12-09', end: '2019-12-15' },
  options: { dateBasis?: 'occurred' | 'reported'; countEveryOffense?: boolean } = {},
): Promise<Record<string, number>> {
  const rows = await store.countIncidents({
    windows: [window],
    dateBasis: options.dateBasis ?? 'occurred',
    countEveryOffense: options.countEveryOffense ?? false,
  });
  return Object.fromEntries(
    rows.filter((r) => r.counts[0] !== 0).map((r) => [`${r.unitId ?? '*'}|${r.category}`, r.counts[0]!]),
  );
}
