import { VigiaError } from '@vigia/domain';
import { SeededRandom } from '../random/seeded-random.js';
import { countPairTables, LANES } from './count-pairs.js';
import { closePairs, dayDifferenceTotals, ROWS } from './pairs.js';
import { poissonUpperTail } from './poisson-upper-tail.js';

/** Options of {@link knoxNearRepeat}. Band edges are upper limits, inclusive. */
export interface KnoxOptions {
  /** Upper edges of the spatial bands in metres, ascending (default 200, 400, 600, 800, 1000). */
  spatialBandsMeters?: readonly number[];
  /** Upper edges of the temporal bands in whole days, ascending (default 7, 14, 21, 28). */
  temporalBandsDays?: readonly number[];
  /** Monte Carlo permutations of the dates (default 999; 0 = observed counts only). */
  permutations?: number;
  /** Seed of the permutations (default 1). */
  seed?: number;
}

/** One cell of the near-repeat table. */
export interface KnoxCell {
  observed: number;
  /** Mean count over the permutations (NaN without permutations). */
  expected: number;
  /** Standard deviation of the permuted counts. */
  expectedSd: number;
  /** observed / expected. */
  ratio: number;
  /** (1 + #{permuted ≥ observed}) / (permutations + 1), one-sided: more pairs than chance. */
  pValue: number;
}

/** Result of {@link knoxNearRepeat}. */
export interface KnoxResult {
  events: number;
  pairs: number;
  /** Row labels: `[from, to]` metres; row 0 is the same location (0, 0), the last is (edge, Infinity). */
  spatialBands: [number, number][];
  /** Column labels: `[from, to]` days, inclusive; the last is (edge + 1, Infinity). */
  temporalBands: [number, number][];
  /** table[spatial row][temporal column]. */
  table: KnoxCell[][];
  /** The Knox 2 × 2 test: close = d ≤ first spatial edge and Δ ≤ first temporal edge. */
  knox: {
    observed: number;
    closeInSpace: number;
    closeInTime: number;
    /** N_s·N_t / N_pairs. */
    expectedAnalytic: number;
    /** P(X ≥ observed), X ~ Poisson(expectedAnalytic). */
    pPoisson: number;
    /** Monte Carlo mean and p-value of the 2 × 2 count (same permutations as the table). */
    expected: number;
    pValue: number;
  };
  permutations: number;
  seed: number;
}

/**
 * Knox test and near-repeat table in the style of the Near Repeat Calculator: every pair of incidents
 * is put in a spatial band (same location, then by distance) and a temporal band (days apart); the
 * observed pair counts are compared with their mean over permutations of the dates among the incidents
 * (locations fixed), which keeps both the spatial and the temporal clustering of the data and breaks
 * only their interaction. A cell with ratio > 1 and a small p says: pairs this close in space AND time
 * are more common than chance (near repeats).
 *
 * Only pairs within the largest spatial edge are enumerated (spatial hash); the last row is the
 * column total (invariant under date permutations) minus the other rows. O(n + close pairs × B).
 *
 * @param xs - x in metres (projected CRS); ys - y in metres; days - whole day numbers (e.g. days since
 *   1970-01-01 of the local occurrence date); same length n ≥ 2.
 * @param options - see {@link KnoxOptions}.
 * @throws VigiaError INVALID_ARGUMENT when lengths differ, n < 2, a day is not a whole number or band
 *   edges are not ascending positive numbers.
 * @see Knox (1964) Appl. Stat. 13; Johnson et al. (2007) J. Quant. Criminol. 23 (near repeats); Ratcliffe,
 *   Near Repeat Calculator (2009). Observed counts match ../shared/reference/knox (R 4.2.2, and
 *   surveillance::knox for the 2 × 2) exactly; Monte Carlo values within their Monte Carlo error.
 */
export function knoxNearRepeat(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  days: ArrayLike<number>,
  options: KnoxOptions = {},
): KnoxResult {
  const n = xs.length;
  if (ys.length !== n || days.length !== n || n < 2) {
    throw new VigiaError('INVALID_ARGUMENT', {
      name: 'knoxNearRepeat: xs/ys/days',
      value: `${n}/${ys.length}/${days.length}`,
    });
  }
  const sEdges = checkEdges(
    'spatialBandsMeters',
    options.spatialBandsMeters ?? [200, 400, 600, 800, 1000],
    ROWS - 2,
  );
  const tEdges = checkEdges('temporalBandsDays', options.temporalBandsDays ?? [7, 14, 21, 28], 254);
  const B = options.permutations ?? 999;
  const seed = options.seed ?? 1;
  const dayArr = Int32Array.from(days, (d, i) => {
    if (!Number.isInteger(d))
      throw new VigiaError('INVALID_ARGUMENT', { name: `days[${i}]`, value: String(d) });
    return d;
  });
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (const d of dayArr) {
    minDay = Math.min(minDay, d);
    maxDay = Math.max(maxDay, d);
  }
  const nRows = sEdges.length + 2;
  const nCols = tEdges.length + 1;
  // temporal column of each day difference
  const span = maxDay - minDay;
  const colOf = new Uint8Array(span + 1);
  for (let delta = 0, c = 0; delta <= span; delta++) {
    while (c < tEdges.length && delta > tEdges[c]!) c++;
    colOf[delta] = c;
  }
  const pairs = closePairs(xs, ys, sEdges);
  const colTotals = dayDifferenceTotals(dayArr, minDay, span, colOf, nCols);
  // Pairs more than the last temporal edge apart are not counted one by one: each close row's total is
  // fixed (its pairs do not change), so its last column is that total minus the others.
  const maxDelta = tEdges.at(-1)!;
  const rowTotals = new Float64Array(nRows);
  for (const v of pairs.packed) rowTotals[v % ROWS] = rowTotals[v % ROWS]! + 1;
  const layout = { ...pairs, nRows, nCols, colOf, maxDelta, rowTotals, colTotals };
  const knoxOf = (t: Float64Array): number => t[0]! + t[nCols]!; // rows 0 (same spot) and 1 (≤ first edge), column 0
  const observed = countPairTables(layout, [dayArr])[0]!;
  const obsKnox = knoxOf(observed);
  const sum = new Float64Array(nRows * nCols);
  const sumSq = new Float64Array(nRows * nCols);
  const atLeast = new Float64Array(nRows * nCols);
  let knoxSum = 0;
  let knoxAtLeast = 0;
  const perm = Int32Array.from(dayArr);
  const rng = new SeededRandom(seed);
  for (let b = 0; b < B; b += LANES) {
    const batch: Int32Array[] = [];
    for (let l = 0; l < Math.min(LANES, B - b); l++) batch.push(Int32Array.from(rng.shuffle(perm)));
    for (const t of countPairTables(layout, batch)) accumulate(t);
  }
  function accumulate(t: Float64Array): void {
    for (let k = 0; k < t.length; k++) {
      const v = t[k]!;
      sum[k] = sum[k]! + v;
      sumSq[k] = sumSq[k]! + v * v;
      if (v >= observed[k]!) atLeast[k] = atLeast[k]! + 1;
    }
    const kv = knoxOf(t);
    knoxSum += kv;
    if (kv >= obsKnox) knoxAtLeast++;
  }
  const table: KnoxCell[][] = [];
  for (let r = 0; r < nRows; r++) {
    const row: KnoxCell[] = [];
    for (let c = 0; c < nCols; c++) {
      const k = r * nCols + c;
      const mean = B > 0 ? sum[k]! / B : NaN;
      const sd = B > 1 ? Math.sqrt(Math.max(0, (sumSq[k]! - B * mean * mean) / (B - 1))) : NaN;
      row.push({
        observed: observed[k]!,
        expected: mean,
        expectedSd: sd,
        ratio: observed[k]! / mean,
        pValue: B > 0 ? (1 + atLeast[k]!) / (B + 1) : NaN,
      });
    }
    table.push(row);
  }
  const nPairs = (n * (n - 1)) / 2;
  let closeInSpace = 0;
  for (let c = 0; c < nCols; c++) closeInSpace += observed[c]! + observed[nCols + c]!;
  const closeInTime = colTotals[0]!;
  const expectedAnalytic = (closeInSpace * closeInTime) / nPairs;
  return {
    events: n,
    pairs: nPairs,
    spatialBands: [
      [0, 0],
      ...sEdges.map((e, k): [number, number] => [k === 0 ? 0 : sEdges[k - 1]!, e]),
      [sEdges.at(-1)!, Infinity],
    ],
    temporalBands: [
      ...tEdges.map((e, k): [number, number] => [k === 0 ? 0 : tEdges[k - 1]! + 1, e]),
      [tEdges.at(-1)! + 1, Infinity],
    ],
    table,
    knox: {
      observed: obsKnox,
      closeInSpace,
      closeInTime,
      expectedAnalytic,
      pPoisson: poissonUpperTail(obsKnox, expectedAnalytic),
      expected: B > 0 ? knoxSum / B : NaN,
      pValue: B > 0 ? (1 + knoxAtLeast) / (B + 1) : NaN,
    },
    permutations: B,
    seed,
  };
}

function checkEdges(name: string, edges: readonly number[], max: number): number[] {
  const ok =
    edges.length > 0 &&
    edges.length <= max &&
    edges.every((e, k) => e > 0 && Number.isFinite(e) && (k === 0 || e > edges[k - 1]!));
  if (!ok) throw new VigiaError('INVALID_ARGUMENT', { name, value: edges.join(', ') });
  return [...edges];
}
