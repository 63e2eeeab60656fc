import { VigiaError } from '@vigia/domain';
import { isCallStore, type CallStore, type Store } from '@vigia/store';

/**
 * The store as a {@link CallStore}: every adapter that keeps calls for service implements both ports.
 * @throws VigiaError CALLS_NOT_SUPPORTED for a store without calls (e.g. an adapter not yet ported).
 */
export function requireCallStore(store: Store): Store & CallStore {
  if (!isCallStore(store)) throw new VigiaError('CALLS_NOT_SUPPORTED', { db: store.location });
  return store;
}
