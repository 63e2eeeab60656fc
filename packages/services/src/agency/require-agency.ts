import { VigiaError, type Agency } from '@vigia/domain';
import type { Store } from '@vigia/store';

/**
 * The store's agency.
 * @throws VigiaError NOT_INITIALIZED when `vigia init` has not been run on this store.
 */
export async function requireAgency(store: Store): Promise<Agency> {
  const agency = await store.getAgency();
  if (!agency) throw new VigiaError('NOT_INITIALIZED', { db: store.location });
  return agency;
}
