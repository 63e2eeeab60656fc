import type { StoredUnit } from '@vigia/store';

/**
 * The unit hierarchy as lookups over {@link StoredUnit} lists (units are few: hundreds, not millions),
 * for access checks (a commander's subtree) and for the meeting (which meeting unit an item falls in).
 */
export class UnitTree {
  private readonly byId: Map<number, StoredUnit>;

  constructor(readonly units: readonly StoredUnit[]) {
    this.byId = new Map(units.map((u) => [u.id, u]));
  }

  get(id: number): StoredUnit | undefined {
    return this.byId.get(id);
  }

  /** The unit and its ancestors, the unit first (empty for an unknown id). */
  ancestors(id: number): number[] {
    const out: number[] = [];
    for (let u = this.byId.get(id); u && !out.includes(u.id); u = this.parentOf(u)) out.push(u.id);
    return out;
  }

  /** The unit and every unit below it (empty for an unknown id). */
  subtree(id: number): number[] {
    if (!this.byId.has(id)) return [];
    return this.units.filter((u) => this.ancestors(u.id).includes(id)).map((u) => u.id);
  }

  /** Of `candidates`, the deepest one that is `id` or one of its ancestors (null when none is). */
  nearestOf(id: number, candidates: readonly number[]): number | null {
    return this.ancestors(id).find((a) => candidates.includes(a)) ?? null;
  }

  private parentOf(u: StoredUnit): StoredUnit | undefined {
    return u.parentId === null ? undefined : this.byId.get(u.parentId);
  }
}
