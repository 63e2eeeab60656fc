import { DEMO_UNMAPPED_LABEL } from './offense-labels.js';
import type { Rng } from './prng.js';
import { formatCoordinate, type DemoIncidentRow } from './rows.js';

/** A deliberate data problem planted in the demo CSV so the demo shows quarantine and flags. */
export type DemoProblemKind =
  | 'impossible_date'
  | 'empty_date'
  | 'unparseable_coordinates'
  | 'empty_coordinates'
  | 'outside_city'
  | 'unmapped_label'
  | 'duplicate_row';

/**
 * How many rows of each problem to plant: `perRow` × number of clean rows, rounded, at least `min`.
 * About 0.2 % of rows in all (≈ 60 of 32,000). What each looks like in the CSV:
 * - impossible_date: a date that does not exist, e.g. `31/02/2024 14:30` (quarantined, IMPOSSIBLE_DATE);
 * - empty_date: empty `fecha_hecho` (quarantined, missing field);
 * - unparseable_coordinates: `N/D` in both coordinate columns (BAD_COORDINATES);
 * - empty_coordinates: both coordinates empty; the sector is there (kept, no location, counted in
 *   its source sector);
 * - outside_city: exactly two rows, one with longitude and latitude swapped, one with the latitude one
 *   degree off (a typing slip); both parse and are flagged outside the jurisdiction;
 * - unmapped_label: `ALTERACIÓN DEL ORDEN`, a label the mapping leaves out (kept as unclassified);
 * - duplicate_row: an exact copy of the previous line, id included (an export that overlapped).
 */
export const DEMO_PROBLEMS: Readonly<Record<DemoProblemKind, { perRow: number; min: number }>> = {
  impossible_date: { perRow: 0.00025, min: 1 },
  empty_date: { perRow: 0.00025, min: 1 },
  unparseable_coordinates: { perRow: 0.0003, min: 1 },
  empty_coordinates: { perRow: 0.0006, min: 2 },
  outside_city: { perRow: 0, min: 2 },
  unmapped_label: { perRow: 0.0004, min: 1 },
  duplicate_row: { perRow: 0.0001, min: 2 },
};

/** Problem kinds in the order they are planted. */
export const DEMO_PROBLEM_KINDS = Object.keys(DEMO_PROBLEMS) as DemoProblemKind[];

/** Dates that do not exist, as `dd/MM`; the year and time of the row are kept. */
const IMPOSSIBLE_DAY_MONTHS = ['31/02', '30/02', '31/04', '31/06', '31/09', '31/11'];

/** Number of rows of each problem kind planted among `cleanRows` clean rows. */
export function demoProblemCounts(cleanRows: number): Record<DemoProblemKind, number> {
  const out = {} as Record<DemoProblemKind, number>;
  for (const k of DEMO_PROBLEM_KINDS) {
    const p = DEMO_PROBLEMS[k];
    out[k] = Math.max(p.min, Math.round(cleanRows * p.perRow));
  }
  return out;
}

/** A copy of `row` carrying problem `kind` (the `nth` of its kind, which picks the variant). */
function damage(
  row: DemoIncidentRow,
  kind: Exclude<DemoProblemKind, 'duplicate_row'>,
  nth: number,
): DemoIncidentRow {
  const r: DemoIncidentRow = { ...row, problem: kind };
  switch (kind) {
    case 'impossible_date':
      r.fecha_hecho = IMPOSSIBLE_DAY_MONTHS[nth % IMPOSSIBLE_DAY_MONTHS.length]! + row.fecha_hecho.slice(5);
      break;
    case 'empty_date':
      r.fecha_hecho = '';
      break;
    case 'unparseable_coordinates':
      r.longitud = 'N/D';
      r.latitud = 'N/D';
      break;
    case 'empty_coordinates':
      r.longitud = '';
      r.latitud = '';
      break;
    case 'outside_city':
      if (nth % 2 === 0) {
        r.longitud = row.latitud;
        r.latitud = row.longitud;
      } else {
        r.latitud = formatCoordinate(Number(row.latitud) - 1);
      }
      break;
    case 'unmapped_label':
      r.delito = DEMO_UNMAPPED_LABEL;
      break;
  }
  return r;
}

/**
 * Plants the deliberate data problems of {@link DEMO_PROBLEMS} in a copy of `rows` (clean rows in time
 * order). Rows are picked at random from the middle 96 % of the series, so the first and last days
 * keep their valid dates; each picked row gets one problem and keeps its id; a duplicated row is
 * followed by its exact copy (marked `duplicate_row`). Deterministic for a given `rng` state.
 *
 * @returns the rows with problems, length = rows.length + number of duplicates.
 * @throws Error (naming this function) when there are too few rows to pick from (about 100 or fewer).
 */
export function injectDataProblems(rows: readonly DemoIncidentRow[], rng: Rng): DemoIncidentRow[] {
  const counts = demoProblemCounts(rows.length);
  const total = DEMO_PROBLEM_KINDS.reduce((a, k) => a + counts[k], 0);
  const lo = Math.floor(rows.length * 0.02);
  const hi = Math.ceil(rows.length * 0.98);
  if (hi - lo < total * 10) throw new Error(`injectDataProblems: ${rows.length} rows are too few`);

  const picked = new Map<number, { kind: DemoProblemKind; nth: number }>();
  for (const kind of DEMO_PROBLEM_KINDS) {
    for (let nth = 0; nth < counts[kind]; nth++) {
      let i: number;
      do i = lo + rng.int(hi - lo);
      while (picked.has(i));
      picked.set(i, { kind, nth });
    }
  }

  const out: DemoIncidentRow[] = [];
  rows.forEach((row, i) => {
    const p = picked.get(i);
    if (!p) {
      out.push(row);
    } else if (p.kind === 'duplicate_row') {
      out.push(row, { ...row, problem: 'duplicate_row' });
    } else {
      out.push(damage(row, p.kind, p.nth));
    }
  });
  return out;
}
