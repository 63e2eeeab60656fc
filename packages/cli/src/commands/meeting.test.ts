import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@vigia/services';
import { sharedPath } from '../../../../test/shared-reference.js';
import { cliActor } from '../context.js';
import { runCli, tempDir } from '../test-helpers/cli-harness.js';

const NOW = Date.UTC(2020, 0, 10);
// District 2: 12 assaults in the 28 days to 2019-12-15 against 1 the same days of 2018; district 6: one
// in the week and one on the Monday after it, so the data run past 2019-W50's Sunday (the week is whole)
// and stop on the first day of 2019-W51 (a partial week).
const ROWS = [
  'date,loc_cat,longitude,latitude,district',
  '2018-01-02 10:00,street,-87.6277,41.7922,2',
  '2018-12-01 10:00,street,-87.6277,41.7922,2',
  ...Array.from(
    { length: 12 },
    (_, i) => `2019-12-${String(i + 1).padStart(2, '0')} 10:00,street,-87.6277,41.7922,2`,
  ),
  '2019-12-10 23:30,residence,-87.6683,41.7513,6',
  '2019-12-16 08:00,residence,-87.6683,41.7513,6',
];

/** Who the audit log names for these runs (the OS account; USER only when it has none). */
const ACTOR = cliActor({ env: { USER: 'ana' } });

/** `vigia meeting create`: stores the meeting and prints its agenda as a table or JSON. */
describe('vigia meeting create', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let db: string;
  const run = (args: string[]) => runCli(args, { nowMs: NOW, env: { USER: 'ana' } });

  beforeAll(async () => {
    tmp = await tempDir();
    db = tmp.path('m.duckdb');
    await run([
      'init',
      '--db',
      db,
      '--agency-name',
      'CPD',
      '--time-zone',
      'America/Chicago',
      '--locale',
      'en',
    ]);
    const districts = sharedPath('data/chicago/police_districts_current.geojson');
    await run([
      'import',
      'units',
      districts,
      '--db',
      db,
      '--level',
      'district',
      '--code-property',
      'district',
    ]);
    const csv = await tmp.write('few.csv', `${ROWS.join('\n')}\n`);
    const imported = await run([
      'import',
      'incidents',
      csv,
      '--db',
      db,
      '--profile',
      'chicago-code',
      '--json',
    ]);
    expect(JSON.parse(imported.out)).toMatchObject({ stored: ROWS.length - 1 });
  });
  afterAll(async () => tmp.remove());

  it('prints the agenda of the units asked for, in their order, in the agency language or --lang', async () => {
    const r = await run(['meeting', 'create', '--db', db, '--week', '2019-W50', '--unit', '6', '2']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('COMPSTAT meeting 1 — week 2019-W50: the 28 days 2019-11-18 to 2019-12-15');
    expect(r.out).toMatch(
      /district 6\n {2}Nothing on the agenda\.\n\ndistrict 2\n {2}\* Significant increase — Aggravated assault: 28 days: 12 vs 1 \(\+1,100\.0 %\)/,
    );
    const es = await run([
      '--lang',
      'es',
      'meeting',
      'create',
      '--db',
      db,
      '--week',
      '2019-W50',
      '--unit',
      '2',
    ]);
    expect(es.out).toContain('Aumento significativo — Lesiones graves: 28 días: 12 frente a 1');
  });

  it('prints JSON, and records who created the meeting in the audit log', async () => {
    const r = await run(['meeting', 'create', '--db', db, '--week', '2019-W50', '--format', 'json']);
    const body = JSON.parse(r.out) as {
      meeting: { id: number; createdBy: string; unitIds: number[] };
      agenda: { units: { code: string; items: { kind: string }[] }[] };
    };
    expect(body.meeting).toMatchObject({ id: 3, createdBy: ACTOR });
    expect(body.agenda.units).toHaveLength(23);
    expect(body.agenda.units.filter((u) => u.items.length > 0).map((u) => u.code)).toEqual(['2']);
    const store = await openStore(db);
    try {
      const audit = await store.listAudit({ action: 'meeting.create' });
      expect(audit.map((a) => [a.target, a.actor])).toEqual([
        ['meeting:3', ACTOR],
        ['meeting:2', ACTOR],
        ['meeting:1', ACTOR],
      ]);
    } finally {
      await store.close();
    }
  });

  it('refuses an unknown unit, week or format (exit 1), storing nothing', async () => {
    for (const args of [
      ['--week', '2019-W50', '--unit', '99'],
      ['--week', '2019-W60'],
      ['--week', '2019-W50', '--format', 'csv'],
    ]) {
      const r = await run(['meeting', 'create', '--db', db, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(/^vigia: /);
    }
    const store = await openStore(db);
    try {
      expect(await store.listMeetings()).toHaveLength(3);
    } finally {
      await store.close();
    }
  });

  it('marks no rise significant in a week the data cover only in part, and says why (es and en)', async () => {
    // 2019-W51 runs 2019-12-16..22; the data end on its Monday. District 2's 12 vs 1 over the 28 days
    // to 2019-12-22 would be significant if the week were whole (it is, for 2019-W50, above).
    const en = await run(['meeting', 'create', '--db', db, '--week', '2019-W51', '--unit', '2']);
    expect(en.code).toBe(0);
    expect(en.out).toContain('Partial week: the data end on 2019-12-16, the week on 2019-12-22.');
    expect(en.out).not.toContain('Significant increase —');
    const es = await run([
      '--lang',
      'es',
      'meeting',
      'create',
      '--db',
      db,
      '--week',
      '2019-W51',
      '--unit',
      '2',
    ]);
    expect(es.out).toContain('Semana parcial: los datos terminan el 2019-12-16 y la semana el 2019-12-22.');
    const json = await run([
      'meeting',
      'create',
      '--db',
      db,
      '--week',
      '2019-W51',
      '--unit',
      '2',
      '--format',
      'json',
    ]);
    const body = JSON.parse(json.out) as {
      agenda: { weekCoverage: string; notes: { key: string }[]; units: { items: { kind: string }[] }[] };
    };
    expect(body.agenda.weekCoverage).toBe('partial');
    // And last year's YTD starts on 2018-01-01, a day before the first record (2018-01-02).
    expect(body.agenda.notes.map((n) => n.key)).toEqual(['report.partialWeek', 'report.outsideData']);
    expect(body.agenda.units[0]!.items.map((i) => i.kind)).not.toContain('significant_increase');
  });
});
