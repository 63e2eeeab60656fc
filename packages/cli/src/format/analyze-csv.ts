import type {
  EmergingResult,
  HotspotsResult,
  KdeAnalysisResult,
  KnoxAnalysisResult,
  NniAnalysisResult,
} from '@vigia/services';

/** RFC 4180 field; numbers at 12 significant digits (JSON keeps full precision); null/NaN empty. */
function field(v: string | number | boolean | null): string {
  if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return '';
  const s = typeof v === 'number' ? String(Number(v.toPrecision(12))) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: string[], rows: (string | number | boolean | null)[][]): string {
  return [header.join(','), ...rows.map((r) => r.map(field).join(','))].join('\n') + '\n';
}

/** One line per study-area cell: id, row, col, centroid (metres and WGS84), count, z, p, class. */
export function hotspotsCsv(r: HotspotsResult): string {
  return csv(
    ['cell_id', 'row', 'col', 'x', 'y', 'lon', 'lat', 'count', 'z', 'p', 'class'],
    r.cells.map((c) => [c.id, c.row, c.col, c.x, c.y, c.lon, c.lat, c.count, c.z, c.p, c.class]),
  );
}

/**
 * One line per study-area cell: id, row, col, centroid (metres and WGS84), incidents over all steps,
 * emerging category, steps hot and cold (p < alpha), Mann–Kendall z and p of its Gi* z-scores.
 */
export function emergingCsv(r: EmergingResult): string {
  return csv(
    [
      'cell_id',
      'row',
      'col',
      'x',
      'y',
      'lon',
      'lat',
      'count',
      'category',
      'hot_steps',
      'cold_steps',
      'trend_z',
      'trend_p',
    ],
    r.cells.map((c) => [
      c.id,
      c.row,
      c.col,
      c.x,
      c.y,
      c.lon,
      c.lat,
      c.count,
      c.category,
      c.hotSteps,
      c.coldSteps,
      c.trendZ,
      c.trendP,
    ]),
  );
}

/** One line per grid cell with a density above 0: id, row, col, centre (metres), density per km². */
export function kdeCsv(r: KdeAnalysisResult): string {
  const rows: (number | null)[][] = [];
  const c = r.grid.cellSizeMeters;
  r.density.forEach((d, id) => {
    if (d <= 0) return;
    const col = id % r.grid.nCols;
    const row = Math.floor(id / r.grid.nCols);
    rows.push([id, row, col, r.grid.x0 + (col + 0.5) * c, r.grid.y0 + (row + 0.5) * c, d]);
  });
  return csv(['cell_id', 'row', 'col', 'x', 'y', 'density_per_km2'], rows);
}

/** The near-repeat table in long form: spatial band, temporal band, observed, expected, ratio, p. */
export function knoxCsv(r: KnoxAnalysisResult): string {
  const band = (b: [number, number | null], unit: string): string =>
    b[1] === null ? `>${b[0]}${unit}` : b[1] === 0 ? `0${unit}` : `${b[0]}-${b[1]}${unit}`;
  const rows: (string | number)[][] = [];
  r.table.forEach((row, s) =>
    row.forEach((cell, t) =>
      rows.push([
        band(r.spatialBands[s]!, 'm'),
        band(r.temporalBands[t]!, 'd'),
        cell.observed,
        cell.expected,
        cell.ratio,
        cell.pValue,
      ]),
    ),
  );
  return csv(['spatial_band', 'temporal_band', 'observed', 'expected', 'knox_ratio', 'p_value'], rows);
}

/** One line: n, area, observed and expected mean distance, ratio, z, p. */
export function nniCsv(r: NniAnalysisResult): string {
  return csv(
    [
      'n',
      'area_m2',
      'area_source',
      'observed_mean_m',
      'expected_mean_m',
      'nni',
      'z',
      'p',
      'points_with_twin',
    ],
    [
      [
        r.n,
        r.areaSquareMeters,
        r.areaSource,
        r.observedMeanMeters,
        r.expectedMeanMeters,
        r.ratio,
        r.z,
        r.p,
        r.pointsWithTwin,
      ],
    ],
  );
}
