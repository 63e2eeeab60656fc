import type { FastifyRequest } from 'fastify';
import { VigiaError, isVigiaError } from '@vigia/domain';
import { findUnit } from '@vigia/services';
import type { Store, StoredUnit } from '@vigia/store';
import { authorize } from './access.js';

/** The unit and its ancestors (itself first), following parent links. */
export function ancestorsOf(unit: StoredUnit, byId: ReadonlyMap<number, StoredUnit>): number[] {
  const ids: number[] = [];
  for (let u: StoredUnit | undefined = unit; u && !ids.includes(u.id);) {
    ids.push(u.id);
    u = u.parentId === null ? undefined : byId.get(u.parentId);
  }
  return ids;
}

/**
 * The unit code a read route should use for this request, after the commander scope (issue 6):
 * - other roles: `code` unchanged (all units, or the agency when absent);
 * - a commander without `code`: their own unit, so the report, incidents, trends and analyses open on
 *   their subtree rather than the agency;
 * - a commander with a `code` in their subtree (their unit or below): that code;
 * - a commander with any other code: 404 UNKNOWN_UNIT, exactly the answer for a code that does not
 *   exist, so probing does not reveal another district's units.
 * @throws VigiaError UNKNOWN_UNIT (unknown or outside the commander's subtree), NOT_FOUND (a commander
 *   whose unit no longer exists), UNAUTHENTICATED / FORBIDDEN (no session, no `data.read`).
 */
export async function scopedUnitCode(
  request: Pick<FastifyRequest, 'principal' | 'url'>,
  store: Store,
  code: string | undefined,
): Promise<string | undefined> {
  const who = authorize(request, 'data.read');
  if (who.role !== 'commander') return code;
  const units = await store.listUnits({ withGeometry: false });
  const byId = new Map(units.map((u) => [u.id, u]));
  if (code === undefined) {
    const own = who.unitId === null ? undefined : byId.get(who.unitId);
    if (!own) throw new VigiaError('NOT_FOUND', { what: 'unit' });
    return own.code;
  }
  const unit = findUnit(units, code);
  try {
    authorize(request, 'data.read', { unitId: unit.id, unitAncestors: ancestorsOf(unit, byId), what: code });
  } catch (e) {
    if (isVigiaError(e) && e.code === 'NOT_FOUND') throw new VigiaError('UNKNOWN_UNIT', { value: code });
    throw e;
  }
  return code;
}

/**
 * The ids of the units a commander may see on the map and in unit lists: their subtree and the chain of
 * units above it (so their district's name and its place in the hierarchy show). Null = every unit
 * (other roles).
 */
export async function visibleUnitIds(
  request: Pick<FastifyRequest, 'principal' | 'url'>,
  store: Store,
): Promise<Set<number> | null> {
  const who = authorize(request, 'data.read');
  if (who.role !== 'commander') return null;
  const units = await store.listUnits({ withGeometry: false });
  const byId = new Map(units.map((u) => [u.id, u]));
  const own = who.unitId === null ? undefined : byId.get(who.unitId);
  const visible = new Set<number>();
  if (!own) return visible;
  for (const id of ancestorsOf(own, byId)) visible.add(id);
  for (const u of units) if (ancestorsOf(u, byId).includes(own.id)) visible.add(u.id);
  return visible;
}
