import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { callIntervals } from '@vigia/domain';
import { callMappingSchema } from './call-mapping.js';
import { BUILTIN_CALL_PROFILES } from './call-profiles.js';
import { compileCallRowMapper, type MappedCallRow } from './call-row-mapper.js';
import { loadCallMapping } from './load-call-mapping.js';

const SEATTLE_HEADER = [
  'CAD Event Number',
  'Event Clearance Description',
  'Call Type',
  'Priority',
  'Initial Call Type',
  'Final Call Type',
  'Original Time Queued',
  'Arrived Time',
  'Precinct',
  'Sector',
  'Beat',
  'Blurred_Longitude',
  'Blurred_Latitude',
];
const NOW = Date.UTC(2026, 0, 1);
const options = { file: 'calls.csv', agencyTimeZone: 'America/Panama', nowMs: NOW };

function seattleRow(over: Partial<Record<string, string>>): string[] {
  const base: Record<string, string> = {
    'CAD Event Number': '2023000319821',
    'Event Clearance Description': 'ASSISTANCE RENDERED',
    'Call Type': '911',
    Priority: '2',
    'Initial Call Type': 'BURN - RECKLESS BURNING',
    'Final Call Type': '--SUSPICIOUS CIRCUM.',
    'Original Time Queued': '11/04/2023 6:08:26 PM',
    'Arrived Time': '11/04/2023 6:51:06 PM',
    Precinct: 'EAST',
    Sector: 'CHARLIE',
    Beat: 'C3',
    Blurred_Longitude: '-122.28112',
    Blurred_Latitude: '47.6176603',
    ...over,
  };
  return SEATTLE_HEADER.map((h) => base[h] ?? '');
}

function call(m: MappedCallRow) {
  if (m.kind !== 'call') throw new Error(`quarantined: ${JSON.stringify(m.issues)}`);
  return m.record;
}

describe('compileCallRowMapper with seattle-cad', () => {
  const mapping = callMappingSchema.parse(BUILTIN_CALL_PROFILES['seattle-cad']);
  const map = compileCallRowMapper(mapping, SEATTLE_HEADER, options);

  it('reads a 911 call in Seattle time, not the agency zone or the host zone', () => {
    const r = call(map(seattleRow({})));
    expect(r.receivedLocal).toBe('2023-11-04T18:08:26');
    expect(r.receivedAt).toBe(Date.UTC(2023, 10, 5, 1, 8, 26)); // PDT = UTC−7
    expect(callIntervals(r).responseSec).toBe(42 * 60 + 40);
    expect(r).toMatchObject({ priority: '2', channel: '911', officerInitiated: false, arrest: false });
    expect(r).toMatchObject({ sourceUnit: 'C3', timePrecision: 'second', dispatchedAt: null });
  });

  it('marks ONVIEW calls officer-initiated and PHYSICAL ARREST MADE as an arrest', () => {
    const r = call(
      map(seattleRow({ 'Call Type': 'ONVIEW', 'Event Clearance Description': 'PHYSICAL ARREST MADE' })),
    );
    expect(r.officerInitiated).toBe(true);
    expect(r.arrest).toBe(true);
  });

  it('keeps a call without arrival time (no response time, still a call)', () => {
    const r = call(map(seattleRow({ 'Arrived Time': '' })));
    expect(r.onSceneAt).toBeNull();
    expect(callIntervals(r).responseSec).toBeNull();
  });

  it('measures true elapsed time across the fall-back change and across a year end', () => {
    // Fall back, 2023-11-05 (01:00–01:59 happens twice): 00:50 PDT (07:50Z) → 03:10 PST (11:10Z) is
    // 3 h 20 min, not the wall clock's 2 h 20.
    const dst = call(
      map(
        seattleRow({
          'Original Time Queued': '11/05/2023 12:50:00 AM',
          'Arrived Time': '11/05/2023 3:10:00 AM',
        }),
      ),
    );
    expect(callIntervals(dst).responseSec).toBe(200 * 60);
    // Spring forward, 2023-03-12: 01:50 PST (09:50Z) → 03:05 PDT (10:05Z) = 15 min.
    const spring = call(
      map(
        seattleRow({
          'Original Time Queued': '03/12/2023 1:50:00 AM',
          'Arrived Time': '03/12/2023 3:05:00 AM',
        }),
      ),
    );
    expect(callIntervals(spring).responseSec).toBe(15 * 60);
    const newYear = call(
      map(
        seattleRow({
          'Original Time Queued': '12/31/2019 11:55:00 PM',
          'Arrived Time': '01/01/2020 12:07:00 AM',
        }),
      ),
    );
    expect(newYear.receivedLocal).toBe('2019-12-31T23:55:00');
    expect(callIntervals(newYear).responseSec).toBe(12 * 60);
  });

  it('keeps an arrival before the call with a flag instead of quarantining it', () => {
    const r = call(map(seattleRow({ 'Arrived Time': '11/04/2023 6:00:00 PM' })));
    expect(callIntervals(r).flags).toEqual(['ON_SCENE_BEFORE_RECEIVED']);
  });

  it('quarantines a missing or unreadable received time, an unreadable arrival, a future call, an empty or overlong id', () => {
    const reasons = (over: Partial<Record<string, string>>) => {
      const m = map(seattleRow(over));
      return m.kind === 'quarantine' ? m.issues.map((i) => `${i.reason}:${i.column}`) : [];
    };
    expect(reasons({ 'Original Time Queued': '' })).toEqual(['MISSING_REQUIRED_FIELD:Original Time Queued']);
    expect(reasons({ 'Original Time Queued': '2023-11-04 18:08' })).toEqual([
      'BAD_DATE:Original Time Queued',
    ]);
    expect(reasons({ 'Arrived Time': '13/04/2023 6:51:06 PM' })).toEqual(['IMPOSSIBLE_DATE:Arrived Time']);
    expect(reasons({ 'Original Time Queued': '11/04/2031 6:08:26 PM', 'Arrived Time': '' })).toEqual([
      'FUTURE_DATE:Original Time Queued',
    ]);
    expect(reasons({ 'CAD Event Number': '' })).toEqual(['MISSING_REQUIRED_FIELD:CAD Event Number']);
    expect(reasons({ 'CAD Event Number': '9'.repeat(201) })).toEqual(['ID_TOO_LONG:CAD Event Number']);
    expect(reasons({ Blurred_Latitude: 'north' })).toEqual(['BAD_COORDINATES:Blurred_Latitude']);
  });
});

describe('compileCallRowMapper with sacramento-cad (dates only)', () => {
  it('makes date-only calls: volume yes, intervals never', async () => {
    const mapping = await loadCallMapping('sacramento-cad');
    const header = [
      'record_id',
      'description',
      'unit_id',
      'beat',
      'received_date',
      'dispatch_date',
      'enroute_date',
      'at_scene_date',
      'clear_date',
      'longitude',
      'latitude',
    ];
    const map = compileCallRowMapper(mapping, header, options);
    const r = call(
      map([
        '7304328',
        'SUSPICIOUS VEHICLE-OCCUPIED',
        '2A65',
        '6A',
        '2019-01-01',
        '2019-01-02',
        '2019-01-02',
        '2019-01-02',
        '2019-01-02',
        '-121.46075',
        '38.544811',
      ]),
    );
    expect(r).toMatchObject({ timePrecision: 'date', receivedLocal: '2019-01-01T00:00:00', arrest: null });
    expect(r.respondingUnits).toEqual(['2A65']);
    expect(callIntervals(r)).toEqual({ responseSec: null, processingSec: null, travelSec: null, flags: [] });
  });
});

describe('loadCallMapping', () => {
  it('refuses a generic mapping without a received column, naming the field', async () => {
    await expect(loadCallMapping('generic')).rejects.toMatchObject({ code: 'MAPPING_REQUIRED' });
    await expect(loadCallMapping('nope')).rejects.toMatchObject({ code: 'UNKNOWN_PROFILE' });
    expect(() => callMappingSchema.parse({ columns: {} })).toThrow(/received/);
  });
});

describe('the documented example call mapping', () => {
  it('docs/examples/call-mapping-example.json is a valid call mapping', async () => {
    const file = fileURLToPath(
      new URL('../../../../docs/examples/call-mapping-example.json', import.meta.url),
    );
    const m = await loadCallMapping('generic', file);
    expect(m.columns.onScene).toBe('hora_llegada');
    expect(m.officerInitiated?.values).toContain('PATRULLAJE');
  });
});
