import { VigiaError } from '@vigia/domain';
import type { AgencyRecord, Store } from '@vigia/store';

/**
 * The store's agency, with its edit version.
 * @throws VigiaError NOT_INITIALIZED when `vigia init` has not been run on this store.
 */
export async function requireAgency(store: Store): Promise<AgencyRecord> {
  const agency = await store.getAgency();
  if (!agency) throw new VigiaError('NOT_INITIALIZED', { db: store.location });
  return agency;
}
