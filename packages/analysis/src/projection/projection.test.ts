import { describe, expect, it } from 'vitest';
import { readSharedCsv } from '../../../../test/shared-reference.js';
import { projectLonLat, unprojectToLonLat, utmEpsgFor } from './projection.js';

// Golden values: ../shared/reference/gistar/points_2019_utm16n.csv, x,y from sf 1.0-9 st_transform
// (PROJ 9.1.0) EPSG:4326 → EPSG:32616, rounded to 1 mm (README: compare within about 5 mm).
const points = readSharedCsv('reference/gistar/points_2019_utm16n.csv');

describe('projectLonLat against sf/PROJ', () => {
  it('projects all 15,328 Chicago points to UTM 16N within 5 mm of R', () => {
    const { xs, ys } = projectLonLat(
      points.map((p) => Number(p.longitude)),
      points.map((p) => Number(p.latitude)),
      32616,
    );
    let worst = 0;
    points.forEach((p, i) => {
      worst = Math.max(worst, Math.abs(xs[i]! - Number(p.x)), Math.abs(ys[i]! - Number(p.y)));
    });
    expect(worst).toBeLessThan(0.005);
  });

  it('inverts back to the same lon/lat', () => {
    const { xs, ys } = projectLonLat([-87.6321, -79.52], [41.8948, 8.98], 32616);
    const { lons, lats } = unprojectToLonLat(xs, ys, 32616);
    expect(lons[0]).toBeCloseTo(-87.6321, 9);
    expect(lats[1]).toBeCloseTo(8.98, 9);
  });

  it('picks the UTM zone of a point and refuses unknown codes', () => {
    expect(utmEpsgFor(-87.63, 41.88)).toBe(32616); // Chicago
    expect(utmEpsgFor(-79.52, 8.98)).toBe(32617); // Panama City
    expect(utmEpsgFor(-75.57, 6.25)).toBe(32618); // Medellín
    expect(utmEpsgFor(151.2, -33.9)).toBe(32756); // Sydney
    expect(() => projectLonLat([0], [0], 4326)).toThrow(/EPSG/);
    expect(() => utmEpsgFor(200, 0)).toThrow(/lon\/lat/);
  });
});
