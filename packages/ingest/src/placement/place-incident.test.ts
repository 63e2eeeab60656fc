import type { IncidentRecord } from '@vigia/domain';
import { describe, expect, it } from 'vitest';
import { rect } from '../../../../test/geometry.js';
import { createPlacer, unitCodeKey, type PlacementRules, type PlacementUnit } from './place-incident.js';

/*
 * Two districts side by side, with beats. District 1 has a gap (x 8–10) no beat covers.
 *
 *   y=10 ┌────┬───┬──┬──────────┐
 *        │ 11 │ 2 │  │    21    │
 *        │    │   │  │          │
 *   y=0  └────┴───┴──┴──────────┘
 *        0    5   8  10         20
 *        └── district 1 ─┘└ district 2 ┘
 * Beat "2" of district 1 shares its code with district "2".
 */
const UNITS: PlacementUnit[] = [
  { id: 1, code: '1', level: 'district', depth: 0, parentId: null, geometry: rect(0, 0, 10, 10) },
  { id: 2, code: '2', level: 'district', depth: 0, parentId: null, geometry: rect(10, 0, 20, 10) },
  { id: 11, code: '11', level: 'beat', depth: 1, parentId: 1, geometry: rect(0, 0, 5, 10) },
  { id: 12, code: '2', level: 'beat', depth: 1, parentId: 1, geometry: rect(5, 0, 8, 10) },
  { id: 21, code: '21', level: 'beat', depth: 1, parentId: 2, geometry: rect(10, 0, 20, 10) },
  { id: 22, code: '15E30', level: 'beat', depth: 1, parentId: 2, geometry: null },
];
const POLYGON: PlacementRules = { unitOfRecord: 'polygon' };
const SOURCE: PlacementRules = { unitOfRecord: 'source' };

function record(lon: number | null, lat: number | null, sourceUnit: string | null): IncidentRecord {
  return {
    sourceId: 'X1',
    sourceIdDerived: false,
    occurredAt: Date.UTC(2019, 3, 23, 17, 30),
    occurredLocal: '2019-04-23T12:30:00',
    reportedLocalDate: '2019-04-24',
    offenses: [{ category: 'robbery', sourceLabel: 'ROBO' }],
    lon,
    lat,
    sourceUnit,
    status: 'reported',
    arrest: null,
  };
}

function placement(rules: PlacementRules, lon: number | null, lat: number | null, source: string | null) {
  const p = createPlacer(UNITS, rules)(record(lon, lat, source));
  return {
    locationFlag: p.locationFlag,
    polygonUnitId: p.polygonUnitId,
    sourceUnitId: p.sourceUnitId,
    unitId: p.unitId,
    unitDisagrees: p.unitDisagrees,
  };
}

describe('createPlacer: location flags', () => {
  it('ok: a point inside a unit counts in the lowest unit containing it', () => {
    expect(placement(POLYGON, 2, 5, null)).toEqual({
      locationFlag: 'ok',
      polygonUnitId: 11,
      sourceUnitId: null,
      unitId: 11,
      unitDisagrees: false,
    });
  });

  it('no_location: counts in the source unit, or nowhere below the agency', () => {
    expect(placement(POLYGON, null, null, '21')).toEqual({
      locationFlag: 'no_location',
      polygonUnitId: null,
      sourceUnitId: 21,
      unitId: 21,
      unitDisagrees: false,
    });
    expect(placement(POLYGON, null, null, null)).toMatchObject({ locationFlag: 'no_location', unitId: null });
    expect(placement(POLYGON, 2, null, '11')).toMatchObject({ locationFlag: 'no_location', unitId: 11 });
  });

  it('outside_jurisdiction: a point outside every polygon counts like a no-location incident', () => {
    expect(placement(POLYGON, 41.8, -87.6, '21')).toEqual({
      locationFlag: 'outside_jurisdiction',
      polygonUnitId: null,
      sourceUnitId: 21,
      unitId: 21,
      unitDisagrees: false,
    });
    expect(placement(SOURCE, 50, 50, null)).toMatchObject({
      locationFlag: 'outside_jurisdiction',
      unitId: null,
    });
  });

  it('keeps every field of the record', () => {
    const r = record(2, 5, '11');
    expect(createPlacer(UNITS, POLYGON)(r)).toMatchObject(r);
  });
});

describe('createPlacer: unit of record', () => {
  it('polygon (default): the polygon unit, even when the source names another', () => {
    expect(placement(POLYGON, 2, 5, '21')).toMatchObject({ polygonUnitId: 11, sourceUnitId: 21, unitId: 11 });
  });

  it('source: the source unit when it is known, else the polygon unit', () => {
    expect(placement(SOURCE, 2, 5, '21')).toMatchObject({ polygonUnitId: 11, sourceUnitId: 21, unitId: 21 });
    expect(placement(SOURCE, 2, 5, 'no such unit')).toMatchObject({ sourceUnitId: null, unitId: 11 });
    expect(placement(SOURCE, 2, 5, null)).toMatchObject({ sourceUnitId: null, unitId: 11 });
  });

  it('source: a polygon unit inside the source unit is more precise and wins', () => {
    const byDistrict: PlacementRules = { unitOfRecord: 'source', sourceUnitLevel: 'district' };
    // Source district 1, point in beat 11 (of district 1): counts in beat 11, so beats are not empty.
    expect(placement(byDistrict, 2, 5, '1')).toMatchObject({
      polygonUnitId: 11,
      sourceUnitId: 1,
      unitId: 11,
    });
    // Source district 2, point in beat 11 (of district 1): the source district decides.
    expect(placement(byDistrict, 2, 5, '2')).toMatchObject({
      polygonUnitId: 11,
      unitId: 2,
      unitDisagrees: true,
    });
  });
});

describe('createPlacer: disagreement, judged at the source unit level', () => {
  it('agrees when the source names the polygon unit or one of its ancestors', () => {
    expect(placement(POLYGON, 2, 5, '11').unitDisagrees).toBe(false);
    expect(placement(POLYGON, 2, 5, '1').unitDisagrees).toBe(false); // district of beat 11
    expect(placement(POLYGON, 15, 5, '21').unitDisagrees).toBe(false);
  });

  it('disagrees when the source names another unit at its own level', () => {
    expect(placement(POLYGON, 2, 5, '21').unitDisagrees).toBe(true); // another beat
    expect(placement(POLYGON, 15, 5, '11').unitDisagrees).toBe(true);
    expect(placement(POLYGON, 6, 5, '21').unitDisagrees).toBe(true);
    const byDistrict = createPlacer(UNITS, { unitOfRecord: 'polygon', sourceUnitLevel: 'district' });
    expect(byDistrict(record(2, 5, '2')).unitDisagrees).toBe(true); // district 2, point in district 1
    expect(byDistrict(record(15, 5, '2')).unitDisagrees).toBe(false);
  });

  it('in a gap between beats, compares at the level both have: the district', () => {
    // (9, 5) is in district 1 but in no beat.
    expect(placement(POLYGON, 9, 5, null)).toMatchObject({ polygonUnitId: 1, unitId: 1 });
    expect(placement(POLYGON, 9, 5, '11')).toMatchObject({
      polygonUnitId: 1,
      sourceUnitId: 11,
      unitDisagrees: false,
    });
    expect(placement(POLYGON, 9, 5, '21')).toMatchObject({
      polygonUnitId: 1,
      sourceUnitId: 21,
      unitDisagrees: true,
    });
    expect(placement(SOURCE, 9, 5, '11')).toMatchObject({ unitId: 11, unitDisagrees: false });
  });

  it('never disagrees without both a polygon unit and a known source unit', () => {
    expect(placement(POLYGON, null, null, '11').unitDisagrees).toBe(false);
    expect(placement(POLYGON, 50, 50, '11').unitDisagrees).toBe(false);
    expect(placement(POLYGON, 2, 5, '999').unitDisagrees).toBe(false);
  });
});

describe('createPlacer: matching source codes', () => {
  it('ignores leading zeros of numeric codes and the case of others', () => {
    expect(placement(POLYGON, null, null, '011').sourceUnitId).toBe(11);
    expect(placement(POLYGON, null, null, ' 0021 ').sourceUnitId).toBe(21);
    expect(placement(POLYGON, null, null, '15e30').sourceUnitId).toBe(22);
    expect(placement(POLYGON, null, null, '0').sourceUnitId).toBeNull();
    expect(placement(POLYGON, null, null, '').sourceUnitId).toBeNull();
  });

  it('takes the deepest level having the code, unless the profile names the level', () => {
    expect(placement(POLYGON, null, null, '2').sourceUnitId).toBe(12); // beat "2"
    const byDistrict = createPlacer(UNITS, { unitOfRecord: 'polygon', sourceUnitLevel: 'district' });
    expect(byDistrict(record(null, null, '2')).sourceUnitId).toBe(2);
    expect(byDistrict(record(null, null, '11')).sourceUnitId).toBeNull(); // a beat code
  });

  it('answers repeated source texts the same way', () => {
    const place = createPlacer(UNITS, SOURCE);
    for (let i = 0; i < 3; i++) {
      expect(place(record(null, null, '011')).unitId).toBe(11);
      expect(place(record(null, null, 'nope')).unitId).toBeNull();
    }
  });
});

describe('createPlacer without any polygon', () => {
  it('counts in the source unit and flags points ok', () => {
    const flat = UNITS.map((u) => ({ ...u, geometry: null }));
    const place = createPlacer(flat, POLYGON);
    expect(place(record(2, 5, '21'))).toMatchObject({
      locationFlag: 'ok',
      polygonUnitId: null,
      sourceUnitId: 21,
      unitId: 21,
      unitDisagrees: false,
    });
    expect(place(record(null, null, '21'))).toMatchObject({ locationFlag: 'no_location', unitId: 21 });
  });
});

describe('unitCodeKey', () => {
  it('drops leading zeros of numeric codes, upper-cases others, trims both', () => {
    expect(unitCodeKey('011')).toBe('11');
    expect(unitCodeKey(' 11 ')).toBe('11');
    expect(unitCodeKey('000')).toBe('0');
    expect(unitCodeKey('15e30')).toBe('15E30');
    expect(unitCodeKey('0A1')).toBe('0A1');
    expect(unitCodeKey('ñu')).toBe('ÑU');
  });

  it('keeps numeric codes too long for a double distinct (census-block style GEOIDs)', () => {
    expect(unitCodeKey('120860001011000001')).not.toBe(unitCodeKey('120860001011000000'));
    expect(unitCodeKey('0120860001011000001')).toBe(unitCodeKey('120860001011000001'));
  });
});
