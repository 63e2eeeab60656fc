import {
  VigiaError,
  compstatPeriods,
  formatIsoWeek,
  parseIsoWeek,
  parseLocalDate,
  shiftYears,
  PERIOD_KEYS,
  type ComparedPeriod,
} from '@vigia/domain';
import type { CallFacts, Store, StoredUnit } from '@vigia/store';
import { findUnit } from '../units/find-unit.js';

/** Name of calls without a priority, channel, call type or unit. */
export const NONE = '(none)';

/**
 * The windows of a response report: the COMPSTAT windows of an ISO week (WTD, 28-day, YTD) or one
 * range of local dates, each against the same dates a year earlier.
 * @throws VigiaError INVALID_WEEK, INVALID_DATE, INVALID_ARGUMENT (neither week nor from/to, or from
 *   after to).
 */
export function comparedPeriods(input: {
  week?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): {
  week: string | null;
  periods: Record<string, ComparedPeriod>;
} {
  if (input.week !== undefined) {
    const week = parseIsoWeek(input.week);
    const p = compstatPeriods(week);
    return { week: formatIsoWeek(week), periods: Object.fromEntries(PERIOD_KEYS.map((k) => [k, p[k]])) };
  }
  if (input.from === undefined || input.to === undefined) {
    throw new VigiaError('INVALID_ARGUMENT', { name: '--week / --from --to', value: '' });
  }
  const start = parseLocalDate(input.from);
  const end = parseLocalDate(input.to);
  if (end < start)
    throw new VigiaError('INVALID_ARGUMENT', { name: '--from/--to', value: `${input.from} > ${input.to}` });
  return {
    week: null,
    periods: {
      range: {
        current: { start, end },
        previous: { start: shiftYears(start, -1), end: shiftYears(end, -1) },
      },
    },
  };
}

/** How calls are named by unit, and which calls a unit selection keeps. */
export interface UnitScope {
  /** The unit key of call i: its unit of record (or that unit's ancestor at the level), else the source's code. */
  keyOf: (facts: CallFacts, i: number) => string;
  /** Whether call i is in the selected unit's subtree (always true without a selection). */
  keeps: (facts: CallFacts, i: number) => boolean;
}

/**
 * Unit naming and selection of a response report: calls are grouped under their unit of record, or its
 * ancestor at `level`; a call placed in no unit under the code the source wrote (or {@link NONE}).
 * `unit` keeps only the calls placed in that unit's subtree (calls in no unit are left out).
 * @throws VigiaError UNKNOWN_LEVEL, UNKNOWN_UNIT.
 */
export async function unitScope(
  store: Store,
  level: string | undefined,
  unit: string | undefined,
): Promise<UnitScope> {
  const units = await store.listUnits({ withGeometry: false });
  if (level !== undefined && !units.some((u) => u.level === level)) {
    const levels = await store.listUnitLevels();
    throw new VigiaError('UNKNOWN_LEVEL', { value: level, available: levels.map((l) => l.name).join(', ') });
  }
  const root = unit === undefined ? null : findUnit(units, unit);
  const byId = new Map(units.map((u) => [u.id, u]));
  const named = new Map<number, string>();
  const nameOf = (id: number): string => {
    let u: StoredUnit | undefined = byId.get(id);
    while (u && level !== undefined && u.level !== level)
      u = u.parentId === null ? undefined : byId.get(u.parentId);
    return u ? u.code : NONE;
  };
  const inRoot = new Map<number, boolean>();
  const under = (id: number): boolean => {
    for (let u = byId.get(id); u; u = u.parentId === null ? undefined : byId.get(u.parentId)) {
      if (u.id === root!.id) return true;
    }
    return false;
  };
  return {
    keyOf: (f, i) => {
      const id = f.unitId[i]!;
      if (id < 0) return f.sourceUnit.values[f.sourceUnit.codes[i]!] ?? NONE;
      let k = named.get(id);
      if (k === undefined) named.set(id, (k = nameOf(id)));
      return k;
    },
    keeps: (f, i) => {
      if (root === null) return true;
      const id = f.unitId[i]!;
      if (id < 0) return false;
      let k = inRoot.get(id);
      if (k === undefined) inRoot.set(id, (k = under(id)));
      return k;
    },
  };
}
