import type { ImportRecord, QualityFigures, Store } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';

/** The data-quality page: the store's figures, the share located, and the imports they came from. */
export interface DataQuality extends QualityFigures {
  /** located / incidents, 0–1 (null with no incidents). */
  shareLocated: number | null;
  imports: ImportRecord[];
}

/**
 * Data-quality figures of the agency's current incidents: how many are located, have no location, fall
 * outside every unit, disagree with the unit the source names, are unfounded; the unclassified source
 * labels (to add to the profile's offense map); open quarantined rows by reason; and every import with
 * its reconciled counts (read = stored + updated + unchanged + quarantined).
 * @throws VigiaError NOT_INITIALIZED.
 */
export async function dataQuality(store: Store): Promise<DataQuality> {
  await requireAgency(store);
  const figures = await store.qualityFigures();
  return {
    ...figures,
    shareLocated: figures.incidents === 0 ? null : figures.located / figures.incidents,
    imports: await store.listImports(),
  };
}
