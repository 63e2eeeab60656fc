import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropTestSchema, testPostgresUrl } from '../../../../test/postgres-test-db.js';
import { runCli, tempDir } from '../test-helpers/cli-harness.js';

/*
 * `vigia import calls` and `vigia report response` end to end on both stores (a DuckDB file, a
 * PostgreSQL test schema), with the generic mapping on a small CAD file in America/Chicago (the test runs with TZ=Pacific/Chatham, so host-zone mistakes show). Week
 * 2019-W51 is 16–22 December 2019.
 */
const NOW = Date.UTC(2019, 11, 23, 12, 0);
const run = (args: readonly string[]) => runCli(args, { nowMs: NOW, env: {} });

// The fixture's calls run from Monday 16 to Thursday 19 December 2019: 2019-W51 is not covered whole,
// so the last week the calls cover whole is 2019-W50 (ISO weeks: 2019-W51 = 16–22 December).
const LAST_WHOLE_CALL_WEEK = '2019-W50';
const HEADER = 'call_id,received,dispatched,on_scene,priority,source,unit,beat,disposition';
const ROWS = [
  // Two units on C1: the first to arrive (10:05, A2) defines arrival → 300 s.
  'C1,2019-12-16 10:00:00,2019-12-16 10:01:00,2019-12-16 10:06:00,1,911,A1,B11,ARREST',
  'C1,2019-12-16 10:00:00,2019-12-16 10:01:30,2019-12-16 10:05:00,1,911,A2,B11,ARREST',
  // Across midnight: 23:55 → 00:10 = 900 s.
  'C2,2019-12-17 23:55:00,2019-12-17 23:58:00,2019-12-18 00:10:00,1,911,A1,B11,REPORT',
  // Arrived before it was received: kept, flagged, not in response times.
  'C3,2019-12-18 08:00:00,,2019-12-18 07:50:00,2,911,A3,B21,REPORT',
  // No arrival: volume only.
  'C4,2019-12-18 09:00:00,,,2,PHONE,A3,B21,REPORT',
  // Officer-initiated.
  'C5,2019-12-19 14:00:00,,2019-12-19 14:00:00,3,ONVIEW,A3,B21,ARREST',
  // Unreadable received time: quarantined.
  'C6,19/12/2019 14:00,,,1,911,A1,B11,REPORT',
];
const MAPPING = {
  name: 'test-cad',
  columns: {
    sourceId: 'call_id',
    received: 'received',
    dispatched: 'dispatched',
    onScene: 'on_scene',
    priority: 'priority',
    channel: 'source',
    respondingUnit: 'unit',
    unit: 'beat',
    disposition: 'disposition',
  },
  formats: { dateTime: 'yyyy-MM-dd HH:mm:ss' },
  officerInitiated: { column: 'source', values: ['ONVIEW'] },
  arrest: { column: 'disposition', values: ['arrest'] },
};

describe.each(['DuckDB', 'PostgreSQL'] as const)('%s store', (kind) => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let db: string;
  let csv: string;
  let mapping: string;
  beforeAll(async () => {
    dir = await tempDir('vigia-calls-');
    db = kind === 'PostgreSQL' ? testPostgresUrl() : dir.path('calls.duckdb');
    csv = await dir.write('calls.csv', [HEADER, ...ROWS].join('\n') + '\n');
    mapping = await dir.write('mapping.json', JSON.stringify(MAPPING));
    const init = await run([
      'init',
      '--db',
      db,
      '--agency-name',
      'Test PD',
      '--time-zone',
      'America/Chicago',
      '--locale',
      'en',
    ]);
    expect(init.code).toBe(0);
  });
  afterAll(async () => {
    await dir.remove();
    if (kind === 'PostgreSQL') await dropTestSchema(db);
  });

  describe('vigia import calls + report response', () => {
    it('imports with quarantine and reconciles; a re-import changes nothing; a corrected call is a new version', async () => {
      const first = await run([
        'import',
        'calls',
        csv,
        '--db',
        db,
        '--profile',
        'generic',
        '--mapping',
        mapping,
        '--json',
      ]);
      expect(first.code).toBe(0);
      const s = JSON.parse(first.out) as Record<string, unknown>;
      expect(s).toMatchObject({ read: 7, stored: 6, updated: 0, unchanged: 0, quarantined: 1, calls: 5 });
      expect(s['quarantineReasons']).toEqual({ BAD_DATE: 1 });
      expect(s['intervalFlags']).toEqual({ ON_SCENE_BEFORE_RECEIVED: 1 });

      const again = await run([
        'import',
        'calls',
        csv,
        '--db',
        db,
        '--profile',
        'generic',
        '--mapping',
        mapping,
      ]);
      expect(again.code).toBe(0);
      expect(again.out).toContain('Read 7 rows: 0 stored, 0 updated, 6 unchanged, 1 quarantined (5 calls).');
      // Each import left one audit row, written with its merge, by the CLI's actor.
      const audit = await run(['audit', 'list', '--db', db, '--action', 'import.calls', '--format', 'json']);
      const rows = (JSON.parse(audit.out) as { rows: { actor: string; after: object }[] }).rows;
      expect(rows.map((r) => r.after)).toEqual([
        expect.objectContaining({ file: 'calls.csv', read: 7, stored: 0, unchanged: 6, calls: 5 }),
        expect.objectContaining({
          file: 'calls.csv',
          profile: 'generic',
          read: 7,
          stored: 6,
          quarantined: 1,
        }),
      ]);
      expect(rows[0]!.actor).toMatch(/^cli:/);

      const fixed = await dir.write(
        'calls.csv',
        [
          HEADER,
          ...ROWS.map((r) =>
            r.startsWith('C4,') ? r.replace(',,,2,PHONE', ',,2019-12-18 09:20:00,2,PHONE') : r,
          ),
        ].join('\n') + '\n',
      );
      const third = await run([
        'import',
        'calls',
        fixed,
        '--db',
        db,
        '--profile',
        'generic',
        '--mapping',
        mapping,
        '--json',
      ]);
      expect(JSON.parse(third.out)).toMatchObject({
        read: 7,
        stored: 0,
        updated: 1,
        unchanged: 5,
        quarantined: 1,
      });
    });

    it('report response --format json: first arrival, midnight crossing, exclusions, targets, arrests', async () => {
      const r = await run(['report', 'response', '--db', db, '--week', '2019-W51', '--format', 'json']);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.out) as {
        periodKeys: string[];
        rows: {
          dimension: string;
          key: string;
          periods: Record<string, { current: Record<string, unknown> }>;
        }[];
        enforcement: {
          dimension: string;
          key: string;
          periods: Record<string, { current: Record<string, unknown> }>;
        }[];
        workload: {
          kind: string;
          key: string;
          shift: string | null;
          periods: Record<string, { current: { calls: number } }>;
        }[];
      };
      expect(report.periodKeys).toEqual(['wtd', 'd28', 'ytd']);
      const wtd = (dimension: string, key: string) =>
        report.rows.find((x) => x.dimension === dimension && x.key === key)?.periods['wtd']?.current;
      // C1 300 s (first arrival), C2 900 s, C4 now 1,200 s (corrected): median 900, p90 = 900 + 0.8 × 300.
      expect(wtd('agency', '*')).toMatchObject({
        calls: 5,
        measured: 3,
        medianSec: 900,
        excluded: { officerInitiated: 1, outOfOrder: 1, noOnScene: 0, dateOnly: 0 },
      });
      expect(wtd('agency', '*')?.['p90Sec']).toBeCloseTo(1140, 9);
      // Priority 1 target is 7 min by default: C1 yes, C2 no.
      expect(wtd('priority', '1')).toMatchObject({ measured: 2, medianSec: 600, withinTargetShare: 0.5 });
      expect(wtd('unit', 'B21')).toMatchObject({ calls: 3, measured: 1 });
      const arrests = report.enforcement.find((e) => e.dimension === 'agency')?.periods['wtd']?.current;
      expect(arrests).toMatchObject({ calls: 5, arrests: 2 });
      // Workload: C2 (23:55) is the night shift; responding unit A1 answered C1 and C2.
      const a1 = report.workload.filter((w) => w.kind === 'respondingUnit' && w.key === 'A1');
      expect(a1.map((w) => [w.shift, w.periods['wtd']?.current.calls])).toEqual([
        ['day', 1],
        ['night', 1],
      ]);
    });

    it('report response: table in Spanish, csv, custom targets and a clear error without dates', async () => {
      const table = await run([
        'report',
        'response',
        '--db',
        db,
        '--week',
        '2019-W51',
        '--lang',
        'es',
        '--targets',
        '1=20,2=30',
      ]);
      expect(table.code).toBe(0);
      expect(table.out).toContain('Respuesta policial — semana 2019-W51 (America/Chicago)');
      expect(table.out).toContain('Metas: 1 ≤ 20:00, 2 ≤ 30:00.');
      // Last year's dates (2018) come before the first call: the table says so.
      expect(table.out).toContain('Atención: las llamadas van del 2019-12-16 al 2019-12-19.');
      // Without --priority, units mix priorities: no share within target; with it, every row has one.
      expect(table.out).toMatch(/Unidad B21 .* — \(—\)\n/);
      const p2 = await run([
        'report',
        'response',
        '--db',
        db,
        '--week',
        '2019-W51',
        '--priority',
        '2',
        '--targets',
        '1=20,2=30',
        '--lang',
        'en',
      ]);
      expect(p2.out).toContain('Calls selected: priority 2.');
      expect(p2.out).toMatch(/Unit B21 +2 \(0\) +1 \(0\) .* 100% \(—\)\n/);
      expect(table.out).toMatch(/Prioridad 1 +2 \(0\) +2 \(0\) +10:00 \(—\) +14:00 \(—\) +100% \(—\)/);
      const csvOut = await run([
        'report',
        'response',
        '--db',
        db,
        '--from',
        '2019-12-01',
        '--to',
        '2019-12-31',
        '--format',
        'csv',
      ]);
      expect(csvOut.out.split('\n')[1]).toMatch(
        /^range,2019-12-01,2019-12-31,agency,\*,5,3,1,0,0,1,900,1140,/,
      );
      const bad = await run(['report', 'response', '--db', db, '--from', '2019-12-01', '--lang', 'en']);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('--from --to');
      // Without a week or dates: the week the Police response page opens on, the last one the calls
      // cover whole (years after the fixture's calls, the latest complete week would be empty).
      const byDefault = await run(['report', 'response', '--db', db, '--format', 'json']);
      expect(byDefault.code).toBe(0);
      expect((JSON.parse(byDefault.out) as { week: string }).week).toBe(LAST_WHOLE_CALL_WEEK);
      const badShift = await run([
        'report',
        'response',
        '--db',
        db,
        '--week',
        '2019-W51',
        '--shifts',
        'day=25:00',
      ]);
      expect(badShift.code).toBe(1);
    });

    it('report compstat gains a police response section; its JSON fields stay and "response" is added', async () => {
      const r = await run(['report', 'compstat', '--db', db, '--week', '2019-W51', '--format', 'json']);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out) as {
        response: { rows: { dimension: string; periods: Record<string, { current: { calls: number } }> }[] };
      };
      expect(Object.keys(json)).toEqual([
        'week',
        'timeZone',
        'periods',
        'rows',
        'dataRange',
        'weekCoverage',
        'enforcement',
        'remainder',
        'response',
      ]);
      expect(json.response.rows.find((x) => x.dimension === 'agency')?.periods['wtd']?.current.calls).toBe(5);
      const table = await run(['report', 'compstat', '--db', db, '--week', '2019-W51']);
      expect(table.out).toContain('Police response — calls for service');
      expect(table.out).toMatch(/Agency +5 \(0\) +15:00 \(—\) +19:00 \(—\)/);
      const csv = await run(['report', 'compstat', '--db', db, '--week', '2019-W51', '--format', 'csv']);
      expect(csv.out).not.toContain('response');
    });
  });
});
