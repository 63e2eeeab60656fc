import { createLocationPlacer } from '@vigia/ingest';
import type { ReplaceAudit, Store } from '@vigia/store';

const BATCH = 500_000;

/**
 * Places every current incident (of all sources, or of `onlySource`) again in the units the store has
 * now, with the placement rules its source was last imported with (placement is derived data: it changes in place, no new version). Run after
 * units are imported or redrawn, so incidents imported before them count in them.
 *
 * Each page that changes something is recorded as `incidents.replace` (source, count, `audit.cause`)
 * in its own transaction.
 *
 * @returns how many incidents changed unit, flag or disagreement. O(incidents); reads in pages of
 *   500,000 in the store's order, so memory stays bounded.
 */
export async function replaceIncidents(
  store: Store,
  onlySource?: string,
  audit?: ReplaceAudit,
): Promise<number> {
  const units = await store.listUnits();
  let changed = 0;
  for (const { source, rules } of await store.listSourcePlacements()) {
    if (onlySource !== undefined && source !== onlySource) continue;
    const place = createLocationPlacer(units, rules);
    let cursor: number | null = null;
    for (;;) {
      const batch = await store.listPlacementInputs(source, cursor, BATCH);
      if (batch.length === 0) break;
      const updates = batch.map((b) => ({ sourceId: b.sourceId, ...place(b.lon, b.lat, b.sourceUnit) }));
      changed += await store.updatePlacements(source, updates, audit);
      cursor = batch.at(-1)!.cursor;
    }
  }
  return changed;
}
