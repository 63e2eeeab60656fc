import { VigiaError } from '@vigia/domain';
import { unitCodeKey } from '@vigia/ingest';
import type { StoredUnit } from '@vigia/store';

/**
 * The unit a user means by `code` (leading zeros ignored, as in "011" = "11"; see ingest unitCodeKey).
 * Codes are unique within a level; when two levels share one, the higher level wins (a district before
 * its beat), as in the COMPSTAT report's `--unit`.
 * @throws VigiaError UNKNOWN_UNIT when no unit has that code.
 */
export function findUnit(units: readonly StoredUnit[], code: string): StoredUnit {
  const wanted = unitCodeKey(code);
  const matches = units.filter((u) => unitCodeKey(u.code) === wanted);
  const found = [...matches].sort((a, b) => a.depth - b.depth)[0];
  if (!found) throw new VigiaError('UNKNOWN_UNIT', { value: code });
  return found;
}
