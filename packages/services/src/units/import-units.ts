import { basename } from 'node:path';
import { VigiaError } from '@vigia/domain';
import { readUnitLayer, unitCodeKey } from '@vigia/ingest';
import { UNKNOWN_ACTOR, type Store, type UnitInput } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';
import { replaceIncidents } from './replace-incidents.js';

/** Input of `vigia import units`. */
export interface ImportUnitsInput {
  file: string;
  level: string;
  codeProperty: string;
  nameProperty?: string | undefined;
  /** Level of the parent units (must already be imported) and the property holding the parent's code. */
  parentLevel?: string | undefined;
  parentProperty?: string | undefined;
  /** Who imports, for the audit log (`units.import`, then `incidents.replace`; see docs/audit.md). */
  actor?: string | undefined;
}

/**
 * Imports one level of units from a GeoJSON layer: creates new codes, updates existing ones, links each
 * unit to its parent by code. Re-importing the same layer updates in place (ids and incidents keep).
 * Features whose geometry is not a polygon are skipped and listed in the result. Incidents already
 * stored are then placed again in the new units (their rules come from their last import).
 *
 * @throws VigiaError NOT_INITIALIZED; INVALID_ARGUMENT when only one of parentLevel/parentProperty is
 *   given or a level is its own parent; UNIT_LEVEL_PARENT_MISMATCH when an existing level is imported
 *   again under another parent level (or none, which would detach its units); PARENT_LEVEL_UNKNOWN; PARENT_UNIT_NOT_FOUND naming the feature; and readUnitLayer's errors.
 */
export async function importUnits(
  store: Store,
  input: ImportUnitsInput,
): Promise<{
  level: string;
  count: number;
  created: number;
  updated: number;
  /** Features left out because their geometry is not a polygon (feature number is 1-based). */
  skipped: { feature: number; code: string | null; geometryType: string }[];
  /** Incidents already stored that now count in another unit (see replaceIncidents). */
  replaced: number;
}> {
  await requireAgency(store);
  if ((input.parentLevel === undefined) !== (input.parentProperty === undefined)) {
    throw new VigiaError('INVALID_ARGUMENT', {
      name: '--parent-level/--parent-property',
      value: 'give both or neither',
    });
  }
  const skipped: { feature: number; code: string | null; geometryType: string }[] = [];
  const features = await readUnitLayer(input.file, {
    codeProperty: input.codeProperty,
    nameProperty: input.nameProperty,
    parentProperty: input.parentProperty,
    onSkipped: (s) => skipped.push(s),
  });
  const levels = await store.listUnitLevels();
  const existing = levels.find((l) => l.name === input.level);
  if (input.parentLevel === input.level) {
    throw new VigiaError('INVALID_ARGUMENT', { name: '--parent-level', value: input.parentLevel });
  }
  if (existing && existing.parentLevel !== (input.parentLevel ?? null)) {
    throw new VigiaError('UNIT_LEVEL_PARENT_MISMATCH', {
      level: input.level,
      expected: existing.parentLevel ?? '—',
      given: input.parentLevel ?? '—',
    });
  }
  let parents = new Map<string, number>();
  if (input.parentLevel !== undefined) {
    if (!levels.some((l) => l.name === input.parentLevel)) {
      throw new VigiaError('PARENT_LEVEL_UNKNOWN', { level: input.parentLevel });
    }
    parents = new Map(
      (await store.listUnits())
        .filter((u) => u.level === input.parentLevel)
        .map((u) => [unitCodeKey(u.code), u.id]),
    );
  }
  const units: UnitInput[] = features.map((f, i) => {
    let parentId: number | null = null;
    if (input.parentLevel !== undefined) {
      parentId = f.parentCode === null ? null : (parents.get(unitCodeKey(f.parentCode)) ?? null);
      if (parentId === null) {
        throw new VigiaError('PARENT_UNIT_NOT_FOUND', {
          file: input.file,
          feature: String(i + 1),
          code: f.parentCode ?? '',
          level: input.parentLevel,
        });
      }
    }
    return { code: f.code, name: f.name, parentId, geometry: f.geometry };
  });
  const actor = input.actor ?? UNKNOWN_ACTOR;
  const { created, updated } = await store.upsertUnits(input.level, input.parentLevel ?? null, units, {
    actor,
    file: basename(input.file),
  });
  const replaced = await replaceIncidents(store, undefined, { actor, cause: 'units.import' });
  return { level: input.level, count: units.length, created, updated, skipped, replaced };
}
