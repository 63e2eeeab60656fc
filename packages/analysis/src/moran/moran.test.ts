import { readFileSync } from 'node:fs';
import type { UnitGeometry } from '@vigia/domain';
import { describe, expect, it } from 'vitest';
import { parseRNumber, readSharedCsv, relativeError, sharedPath } from '../../../../test/shared-reference.js';
import { parseGal } from '../weights/gal.js';
import { linkCount, neighboursFromLists } from '../weights/neighbours.js';
import { queenContiguity } from '../weights/queen-contiguity.js';
import { moranGlobal } from './moran-global.js';
import { moranLocal, type LocalMoranResult } from './moran-local.js';

// Golden values: ../shared/reference/moran/make_moran.R (R 4.2.2, spdep 1.2-7 moran.test, moran.mc and
// localmoran; polygon queen = poly2nb, cross-checked with PySAL 4.7.0): Columbus OH, CRIME, row-standardised.
const read = (f: string): string => readFileSync(sharedPath(`reference/moran/${f}`), 'utf8');
const polyIds = Array.from({ length: 49 }, (_, i) => i + 1);
const geo = JSON.parse(read('columbus.geojson')) as {
  features: { properties: { POLYID: number; CRIME: number }; geometry: UnitGeometry }[];
};
const features = [...geo.features].sort((a, b) => a.properties.POLYID - b.properties.POLYID);
const crime = features.map((f) => f.properties.CRIME);
const variants = {
  gal: parseGal(read('columbus_queen.gal'), polyIds),
  polyqueen: queenContiguity(features.map((f) => f.geometry)),
};
const REL = 1e-10;

describe('queen contiguity and GAL reading', () => {
  it('reads the spData GAL (230 links) and builds 236 links from the polygons, as poly2nb', () => {
    expect(linkCount(variants.gal)).toBe(230);
    expect(linkCount(variants.polyqueen)).toBe(236);
    expect(variants.polyqueen).toEqual(parseGal(read('columbus_queen_from_polygons.gal'), polyIds));
  });
});

describe('moranGlobal against spdep::moran.test', () => {
  for (const row of readSharedCsv('reference/moran/moran_global.csv')) {
    it(`${row.weights}, ${row.assumption}`, () => {
      const r = moranGlobal(crime, variants[row.weights as keyof typeof variants]);
      const inf = row.assumption === 'normality' ? r.normality : r.randomisation;
      const pairs: [string, number][] = [
        ['I', r.I],
        ['expectation', r.expectation],
        ['variance', inf.variance],
        ['z', inf.z],
        ['p_greater', inf.pGreater],
        ['p_two_sided', inf.pTwoSided],
        ['S0', r.S0],
        ['S1', r.S1],
        ['S2', r.S2],
        ['b2_kurtosis', r.b2],
      ];
      for (const [col, v] of pairs) expect(relativeError(v, parseRNumber(row[col])), col).toBeLessThan(REL);
    });
  }

  it('permutation p-value (9,999 draws, our RNG) equals moran.mc’s 1e-4 within Monte Carlo error', () => {
    const r = moranGlobal(crime, variants.gal, { permutations: 9999, seed: 20191215 });
    expect(r.permutation!.pGreater).toBeLessThanOrEqual(5e-4); // z ≈ 5.3: P ≈ 5e-8, so any draw ≥ I is very rare
  });
});

describe('moranLocal against spdep::localmoran', () => {
  for (const v of ['gal', 'polyqueen'] as const) {
    it(`${v}: I_i, total and conditional moments, z, p and quadrants within 1e-10`, () => {
      const r = moranLocal(crime, variants[v]);
      const ref = readSharedCsv(`reference/moran/moran_local_${v}.csv`);
      const cols: [string, (res: LocalMoranResult, i: number) => number][] = [
        ['Ii', (x, i) => x.Ii[i]!],
        ['E.Ii', (x, i) => x.total.expectation[i]!],
        ['Var.Ii', (x, i) => x.total.variance[i]!],
        ['Z.Ii', (x, i) => x.total.z[i]!],
        ['p_two_sided', (x, i) => x.total.p[i]!],
        ['E.Ii_conditional', (x, i) => x.conditional.expectation[i]!],
        ['Var.Ii_conditional', (x, i) => x.conditional.variance[i]!],
        ['Z.Ii_conditional', (x, i) => x.conditional.z[i]!],
        ['p_two_sided_conditional', (x, i) => x.conditional.p[i]!],
      ];
      const names: Record<string, string> = {
        'High-High': 'HH',
        'Low-Low': 'LL',
        'High-Low': 'HL',
        'Low-High': 'LH',
      };
      ref.forEach((row, i) => {
        for (const [col, pick] of cols)
          expect(relativeError(pick(r, i), parseRNumber(row[col])), `${row.POLYID} ${col}`).toBeLessThan(REL);
        expect(r.quadrant[i]).toBe(names[row.quadrant_mean!]);
      });
    });
  }

  it('conditional permutations reproduce the conditional moments within Monte Carlo error', () => {
    const B = 9999;
    const r = moranLocal(crime, variants.polyqueen, { permutations: B, seed: 20191215 });
    const perm = r.permutation!;
    for (let i = 0; i < crime.length; i++) {
      const sd = Math.sqrt(r.conditional.variance[i]!);
      expect(Math.abs(perm.mean[i]! - r.conditional.expectation[i]!), `mean ${i + 1}`).toBeLessThan(
        (4.5 * sd) / Math.sqrt(B) + 1e-12,
      );
      expect(perm.variance[i]! / r.conditional.variance[i]!, `variance ${i + 1}`).toBeGreaterThan(0.9);
      expect(perm.variance[i]! / r.conditional.variance[i]!, `variance ${i + 1}`).toBeLessThan(1.1);
      expect(perm.pseudoP[i]).toBeGreaterThanOrEqual(1 / (B + 1));
      expect(perm.pseudoP[i]).toBeLessThanOrEqual(0.5 + 1 / (B + 1));
    }
  });
});

describe('Moran edge cases', () => {
  it('refuses constant values (no variation) and too few locations', () => {
    const nb = neighboursFromLists([[1], [0, 2], [1, 3], [2]]);
    expect(() => moranGlobal([0, 0, 0, 0], nb)).toThrow(/all equal/);
    expect(() => moranLocal([1, 2], neighboursFromLists([[1], [0]]))).toThrow(/values.length/);
  });
});
