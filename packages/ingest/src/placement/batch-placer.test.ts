import { IncidentBatchBuilder, LOCATION_FLAG_CODES, type IncidentRecord } from '@vigia/domain';
import { describe, expect, it } from 'vitest';
import { rect } from '../../../../test/geometry.js';
import { BatchPlacer } from './batch-placer.js';
import {
  createLocationPlacer,
  type Placement,
  type PlacementRules,
  type PlacementUnit,
} from './place-incident.js';

// Two districts with beats, a gap (x 8–10) in district 1, a beat without polygon (see place-incident.test).
const UNITS: PlacementUnit[] = [
  { id: 1, code: '1', level: 'district', depth: 0, parentId: null, geometry: rect(0, 0, 10, 10) },
  { id: 2, code: '2', level: 'district', depth: 0, parentId: null, geometry: rect(10, 0, 20, 10) },
  { id: 11, code: '11', level: 'beat', depth: 1, parentId: 1, geometry: rect(0, 0, 5, 10) },
  { id: 12, code: '2', level: 'beat', depth: 1, parentId: 1, geometry: rect(5, 0, 8, 10) },
  { id: 21, code: '21', level: 'beat', depth: 1, parentId: 2, geometry: rect(10, 0, 20, 10) },
  { id: 22, code: '15E30', level: 'beat', depth: 1, parentId: 2, geometry: null },
];

function record(lon: number | null, lat: number | null, sourceUnit: string | null): IncidentRecord {
  return {
    sourceId: 'X1',
    sourceIdDerived: false,
    occurredAt: 0,
    occurredLocal: '2019-04-23T12:30:00',
    reportedLocalDate: null,
    offenses: [{ category: 'robbery', sourceLabel: 'ROBO' }],
    lon,
    lat,
    sourceUnit,
    status: 'reported',
    arrest: null,
  };
}

const UNPLACED = {
  polygonUnitId: null,
  sourceUnitId: null,
  unitId: null,
  locationFlag: 'ok',
  unitDisagrees: false,
} as const;

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

describe('BatchPlacer', () => {
  for (const rules of [
    { unitOfRecord: 'polygon' },
    { unitOfRecord: 'source' },
    { unitOfRecord: 'source', sourceUnitLevel: 'district' },
  ] satisfies PlacementRules[]) {
    it(`places batch rows and counts them as the location placer does (${JSON.stringify(rules)})`, () => {
      const r = random(3);
      const sourceTexts = [null, '1', '2', '02', '11', '21', '15e30', '99', ' 2 '];
      const records = Array.from({ length: 3000 }, () => {
        const k = r();
        const [lon, lat] = k < 0.1 ? [null, null] : [-2 + r() * 24, -1 + r() * 12];
        return record(lon, lat, sourceTexts[Math.floor(r() * sourceTexts.length)]!);
      });
      const reference = createLocationPlacer(UNITS, rules);
      const expected = records.map((x) => reference(x.lon, x.lat, x.sourceUnit));

      const builder = new IncidentBatchBuilder(700); // several batches, source units spread over them
      const placer = new BatchPlacer(UNITS, rules);
      const got: Placement[] = [];
      const take = () => {
        const b = builder.take();
        placer.place(b);
        for (let i = 0; i < b.length; i++) {
          const id = (v: number) => (v < 0 ? null : v);
          got.push({
            polygonUnitId: id(b.polygonUnitId[i]!),
            sourceUnitId: id(b.sourceUnitId[i]!),
            unitId: id(b.unitId[i]!),
            locationFlag: LOCATION_FLAG_CODES[b.locationFlag[i]!]!,
            unitDisagrees: b.unitDisagrees[i] === 1,
          });
        }
      };
      for (const [i, x] of records.entries()) if (builder.addRecord(i + 2, x, UNPLACED, null)) take();
      take();
      expect(got).toEqual(expected);
      expect(placer.counts).toEqual({
        noLocation: expected.filter((p) => p.locationFlag === 'no_location').length,
        outsideJurisdiction: expected.filter((p) => p.locationFlag === 'outside_jurisdiction').length,
        unitDisagreements: expected.filter((p) => p.unitDisagrees).length,
        unknownSourceUnits: records.filter(
          (x, i) => x.sourceUnit !== null && expected[i]!.sourceUnitId === null,
        ).length,
      });
      expect(placer.counts.noLocation).toBeGreaterThan(0);
      expect(placer.counts.outsideJurisdiction).toBeGreaterThan(0);
      expect(placer.counts.unitDisagreements).toBeGreaterThan(0);
      expect(placer.counts.unknownSourceUnits).toBeGreaterThan(0);
    });
  }

  it('refuses a batch out of order (its source unit texts would be misread)', () => {
    const builder = new IncidentBatchBuilder(10);
    builder.addRecord(2, record(1, 1, '11'), UNPLACED, null);
    builder.take();
    builder.addRecord(3, record(1, 1, '21'), UNPLACED, null);
    const second = builder.take();
    expect(() => new BatchPlacer(UNITS, { unitOfRecord: 'polygon' }).place(second)).toThrow(/order/);
  });
});
