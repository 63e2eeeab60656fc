import { describe, expect, it } from 'vitest';
import { isVigiaError } from '@vigia/domain';
import { readSharedCsv } from '../../../../test/shared-reference.js';
import { metricCrsDefinition, projectLonLat, unprojectToLonLat, utmEpsgFor } from './projection.js';

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
  });

  it('looks other EPSG codes up and keeps only projected systems in metres that proj4 can use', () => {
    // MAGNA-SIRGAS / Colombia Bogota zone (Medellín's national grid): false origin (1,000,000, 1,000,000)
    // at 4.5962°N, 74.0775°W, scale 1, so that point projects onto the false origin
    expect(metricCrsDefinition(3116)).toMatch(/\+proj=tmerc .*\+units=m/);
    const p = projectLonLat([-74.07750791666666], [4.596200416666666], 3116);
    expect(p.xs[0]).toBeCloseTo(1_000_000, 3);
    expect(p.ys[0]).toBeCloseTo(1_000_000, 3);
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isVigiaError(e) ? [e.code, e.params['unit'] ?? null] : e;
      }
      return null;
    };
    expect(code(() => metricCrsDefinition(4326))).toEqual(['CRS_NOT_METRIC', 'degree']);
    expect(code(() => metricCrsDefinition(2276))).toEqual(['CRS_NOT_METRIC', 'us-ft']); // Texas, US feet
    expect(code(() => metricCrsDefinition(2222))).toEqual(['CRS_NOT_METRIC', 'ft']); // Arizona East, feet
    expect(code(() => metricCrsDefinition(99999))).toEqual(['CRS_UNKNOWN', null]);
    expect(code(() => metricCrsDefinition(3116.5))).toEqual(['CRS_UNKNOWN', null]);
    expect(() => utmEpsgFor(200, 0)).toThrow(/lon\/lat/);
  });
});
