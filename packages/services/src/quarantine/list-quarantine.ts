import { VigiaError } from '@vigia/domain';
import type { QuarantinedRow, Store } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';

/**
 * The quarantined rows an analyst has to fix: of one import (`importId`) or of all, in file row order,
 * each with its reasons, the column and value of every issue, and the row's raw fields.
 * @throws VigiaError NOT_INITIALIZED; INVALID_ARGUMENT for an import number that does not exist.
 */
export async function listQuarantine(
  store: Store,
  options: { importId?: number | undefined; limit?: number | undefined; offset?: number | undefined } = {},
): Promise<QuarantinedRow[]> {
  await requireAgency(store);
  if (
    options.importId !== undefined &&
    !(await store.listImports()).some((i) => i.importId === options.importId)
  ) {
    throw new VigiaError('INVALID_ARGUMENT', { name: '--import', value: String(options.importId) });
  }
  const query: { importId?: number; limit?: number; offset?: number } = {};
  if (options.importId !== undefined) query.importId = options.importId;
  if (options.limit !== undefined) query.limit = options.limit;
  if (options.offset !== undefined) query.offset = options.offset;
  return store.listQuarantine(query);
}
