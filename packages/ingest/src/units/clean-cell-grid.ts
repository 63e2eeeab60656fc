import type { UnitGeometry } from '@vigia/domain';

/** Cell states besides a remembered answer (a unit id ≥ 0, or NO_UNIT). */
const EDGE_CELL = -3;
const UNKNOWN = -2;
/** The remembered answer "in no unit". */
export const NO_UNIT = -1;

/**
 * A uniform grid over the extent of a set of polygons that remembers point-location answers per cell.
 *
 * A cell that no polygon edge (outer ring or hole, of any level) crosses lies wholly inside or wholly
 * outside every polygon, so every point of it has the answer of any other: the first point located
 * there is located exactly and its answer kept for the rest. Cells crossed by an edge ("edge cells")
 * are never remembered: their points are always located exactly. Imports locate millions of points
 * and most fall far from unit boundaries, so most lookups become one array read.
 *
 * Exactness: edges are tested against each cell enlarged by a millionth of its width, far more than
 * the rounding of the coordinate arithmetic (about 1e-14 degrees), so a point assigned to a cell
 * (rounding included) lies in its enlarged square, away from every edge, where the exact test cannot
 * flip either. Coordinates are compared as given (degrees).
 */
export class CleanCellGrid {
  private readonly x0: number;
  private readonly y0: number;
  private readonly size: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly cells: Int32Array;
  private stack = new Int32Array(4096);

  /** @param maxSide cells along the longer side of the extent (the grid holds at most maxSide² cells). */
  constructor(geometries: readonly UnitGeometry[], maxSide = 2048) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    forEachEdge(geometries, (x1, y1, x2, y2) => {
      minX = Math.min(minX, x1, x2);
      minY = Math.min(minY, y1, y2);
      maxX = Math.max(maxX, x1, x2);
      maxY = Math.max(maxY, y1, y2);
    });
    const side = Math.max(maxX - minX, maxY - minY);
    this.size = side > 0 && Number.isFinite(side) ? side / maxSide : 1;
    this.x0 = Number.isFinite(minX) ? minX : 0;
    this.y0 = Number.isFinite(minY) ? minY : 0;
    this.nx = Number.isFinite(side) ? Math.floor((maxX - this.x0) / this.size) + 1 : 0;
    this.ny = Number.isFinite(side) ? Math.floor((maxY - this.y0) / this.size) + 1 : 0;
    this.cells = new Int32Array(this.nx * this.ny).fill(UNKNOWN);
    forEachEdge(geometries, (x1, y1, x2, y2) => this.markEdge(x1, y1, x2, y2));
  }

  /** The cell of (x, y) when its answer can be remembered, else -1 (an edge cell, or off the grid). */
  cellOf(x: number, y: number): number {
    const cx = Math.floor((x - this.x0) / this.size);
    const cy = Math.floor((y - this.y0) / this.size);
    if (!(cx >= 0 && cx < this.nx && cy >= 0 && cy < this.ny)) return -1;
    const k = cy * this.nx + cx;
    return this.cells[k] === EDGE_CELL ? -1 : k;
  }

  /** The remembered answer of a cell from {@link cellOf}: a unit id, NO_UNIT, or undefined. */
  answer(cell: number): number | undefined {
    const v = this.cells[cell]!;
    return v === UNKNOWN ? undefined : v;
  }

  /**
   * Remembers the answer of a cell (a unit id ≥ 0 that fits 31 bits, or NO_UNIT), and of every clean
   * cell reachable from it through clean neighbours: no edge separates two clean cells side by side
   * (it would touch both enlarged squares), so they share the answer. One exact location per region
   * then serves the whole region, however thinly the points are spread over it.
   */
  remember(cell: number, answer: number): void {
    // Scanline fill: fill the run of unknown cells through a seed, then seed the rows above and below
    // at each start of an unknown run along it.
    const cells = this.cells;
    const nx = this.nx;
    let stack = this.stack;
    let top = 0;
    stack[top++] = cell;
    while (top > 0) {
      const k = stack[--top]!;
      if (cells[k] !== UNKNOWN) continue;
      const row = k - (k % nx);
      let a = k;
      while (a > row && cells[a - 1] === UNKNOWN) a--;
      let b = k;
      while (b < row + nx - 1 && cells[b + 1] === UNKNOWN) b++;
      cells.fill(answer, a, b + 1);
      for (const other of [row - nx, row + nx]) {
        if (other < 0 || other >= cells.length) continue;
        let inRun = false;
        for (let x = a - row; x <= b - row; x++) {
          const unknown = cells[other + x] === UNKNOWN;
          if (unknown && !inRun) {
            if (top === stack.length) {
              const bigger = new Int32Array(stack.length * 2);
              bigger.set(stack);
              stack = this.stack = bigger;
            }
            stack[top++] = other + x;
          }
          inRun = unknown;
        }
      }
    }
  }

  /** Marks the cells whose enlarged square the segment touches as edge cells. */
  private markEdge(x1: number, y1: number, x2: number, y2: number): void {
    const size = this.size;
    const eps = size * 1e-6;
    const cx0 = clampCell(Math.floor((Math.min(x1, x2) - eps - this.x0) / size), this.nx);
    const cx1 = clampCell(Math.floor((Math.max(x1, x2) + eps - this.x0) / size), this.nx);
    const cy0 = clampCell(Math.floor((Math.min(y1, y2) - eps - this.y0) / size), this.ny);
    const cy1 = clampCell(Math.floor((Math.max(y1, y2) + eps - this.y0) / size), this.ny);
    const small = (cx1 - cx0 + 1) * (cy1 - cy0 + 1) <= 4;
    for (let cy = cy0; cy <= cy1; cy++) {
      const ry = this.y0 + cy * size;
      for (let cx = cx0; cx <= cx1; cx++) {
        const rx = this.x0 + cx * size;
        if (
          small ||
          segmentTouchesBox(x1, y1, x2, y2, rx - eps, ry - eps, rx + size + eps, ry + size + eps)
        ) {
          this.cells[cy * this.nx + cx] = EDGE_CELL;
        }
      }
    }
  }
}

function clampCell(c: number, n: number): number {
  return c < 0 ? 0 : c > n - 1 ? n - 1 : c;
}

function forEachEdge(
  geometries: readonly UnitGeometry[],
  edge: (x1: number, y1: number, x2: number, y2: number) => void,
): void {
  for (const g of geometries) {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polys) {
      for (const ring of poly) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i]!;
          const b = ring[i + 1]!;
          edge(a[0]!, a[1]!, b[0]!, b[1]!);
        }
        // An unclosed ring is closed by the point-in-polygon test too: mark that edge as well.
        const first = ring[0];
        const last = ring[ring.length - 1];
        if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
          edge(last[0]!, last[1]!, first[0]!, first[1]!);
        }
      }
    }
  }
}

/** Liang–Barsky: does the segment meet the closed box [bx0, bx1] × [by0, by1]? */
function segmentTouchesBox(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  bx0: number,
  by0: number,
  bx1: number,
  by1: number,
): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const p = [-dx, dx, -dy, dy];
  const q = [x1 - bx0, bx1 - x1, y1 - by0, by1 - y1];
  let t0 = 0;
  let t1 = 1;
  for (let i = 0; i < 4; i++) {
    const pi = p[i]!;
    const qi = q[i]!;
    if (pi === 0) {
      if (qi < 0) return false;
      continue;
    }
    const r = qi / pi;
    if (pi < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
  }
  return true;
}
