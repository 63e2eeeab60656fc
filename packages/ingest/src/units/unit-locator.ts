import Flatbush from 'flatbush';
import type { UnitGeometry } from '@vigia/domain';
import { BandedPolygon } from './banded-polygon.js';
import { CleanCellGrid, NO_UNIT } from './clean-cell-grid.js';

/** A unit as the locator needs it: an id, its code, and its depth in the hierarchy (0 = top). */
export interface LocatableUnit {
  id: number;
  code: string;
  depth: number;
  geometry: UnitGeometry | null;
}

const collator = new Intl.Collator('en', { numeric: true });

interface LevelIndex {
  depth: number;
  index: Flatbush;
  /** Units of the level sorted by code (numeric-aware), so a lower index wins a shared edge. */
  units: LocatableUnit[];
  /** The same units' polygons prepared for point tests. */
  shapes: BandedPolygon[];
}

function bboxOf(g: UnitGeometry): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    for (const [x, y] of poly[0] ?? []) {
      if (x! < minX) minX = x!;
      if (y! < minY) minY = y!;
      if (x! > maxX) maxX = x!;
      if (y! > maxY) maxY = y!;
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Finds the lowest unit containing a WGS84 point.
 *
 * One Flatbush R-tree of polygon bounding boxes per level; candidates are tested with
 * {@link BandedPolygon} (holes and multipolygons handled; boundary counts as inside, as in Turf's
 * booleanPointInPolygon, which is its test oracle). Levels are searched
 * from the deepest up, so a point in a gap between beats still lands in its district.
 *
 * Shared-edge rule: a point on the boundary of two or more units of the same level (or inside
 * overlapping polygons) goes to exactly one of them, the unit whose code sorts first in numeric-aware
 * order ("2" before "10"). Documented in docs/methods/unit-assignment.md.
 *
 * Coordinates are compared as given, in degrees: fine for containment, not for distances. Answers are
 * remembered per cell of a {@link CleanCellGrid} (cells no unit boundary crosses), so most points cost
 * one array read instead of an R-tree search and polygon tests (~3 µs); a cache keyed by coordinate
 * pairs was tried before and cost hundreds of megabytes at millions of distinct points.
 */
export class UnitLocator {
  private readonly levels: LevelIndex[];
  private readonly grid: CleanCellGrid | null;

  constructor(units: readonly LocatableUnit[]) {
    const byDepth = new Map<number, LocatableUnit[]>();
    for (const u of units) {
      if (!u.geometry) continue;
      const list = byDepth.get(u.depth) ?? [];
      list.push(u);
      byDepth.set(u.depth, list);
    }
    this.levels = [...byDepth.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([depth, unsorted]) => {
        const list = [...unsorted].sort((a, b) => collator.compare(a.code, b.code));
        const index = new Flatbush(list.length);
        for (const u of list) index.add(...bboxOf(u.geometry!));
        index.finish();
        return { depth, index, units: list, shapes: list.map((u) => new BandedPolygon(u.geometry!)) };
      });
    const located = units.filter((u) => u.geometry !== null);
    // The grid stores unit ids in an Int32Array: other ids (never from the stores) go without it.
    const gridIds = located.every((u) => Number.isInteger(u.id) && u.id >= 0 && u.id < 2 ** 31);
    this.grid = located.length > 0 && gridIds ? new CleanCellGrid(located.map((u) => u.geometry!)) : null;
  }

  /** True when at least one unit has a polygon. */
  get hasPolygons(): boolean {
    return this.levels.length > 0;
  }

  /** Id of the lowest unit containing (lon, lat), or null when the point is outside every polygon. */
  locate(lon: number, lat: number): number | null {
    const cell = this.grid === null ? -1 : this.grid.cellOf(lon, lat);
    if (cell < 0) return this.locateExactly(lon, lat);
    const known = this.grid!.answer(cell);
    if (known !== undefined) return known === NO_UNIT ? null : known;
    const id = this.locateExactly(lon, lat);
    this.grid!.remember(cell, id ?? NO_UNIT);
    return id;
  }

  /** {@link locate} without the grid: R-tree candidates, then polygon tests, deepest level first. */
  locateExactly(lon: number, lat: number): number | null {
    for (const level of this.levels) {
      let best = -1;
      for (const i of level.index.search(lon, lat, lon, lat)) {
        if (best >= 0 && i >= best) continue;
        if (level.shapes[i]!.contains(lon, lat)) best = i;
      }
      if (best >= 0) return level.units[best]!.id;
    }
    return null;
  }
}
