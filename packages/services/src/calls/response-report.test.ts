import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVigiaError } from '@vigia/domain';
import type { Store } from '@vigia/store';
import { FIXTURE_CAD_HEADER, FIXTURE_CAD_MAPPING, fixtureAgency } from '../test-helpers/fixture-agency.js';
import { STORE_KINDS, openTestStore, removeTestStores } from '../test-helpers/both-stores.js';
import { importCalls } from './import-calls.js';
import { responseReport } from './response-report.js';
import { DISTRIBUTION_BIN_SEC, type ResponseReport } from './response-types.js';

/*
 * The response report's rules on generated calls in the fixture agency (districts 1 and 2, beats under
 * them, America/Chicago), on both stores: the expected numbers are recomputed here from the generated
 * rows with plain code, never through Vigía's statistics. Week 2019-W51 = 16–22 December 2019; last
 * year's same dates are 16–22 December 2018.
 */
const NOW = Date.UTC(2020, 0, 1);
interface Generated {
  id: string;
  year: number;
  day: number;
  priority: string;
  district: string;
  onview: boolean;
  responseSec: number | null;
}

/** 300 calls in the week of 2019 and 200 on the same dates of 2018, seeded. */
function generate(): { csv: string; calls: Generated[] } {
  let seed = 99;
  const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
  const pad = (n: number) => String(n).padStart(2, '0');
  const lines = [FIXTURE_CAD_HEADER];
  const calls: Generated[] = [];
  for (let k = 0; k < 500; k++) {
    const year = k < 300 ? 2019 : 2018;
    const day = 16 + Math.floor(rnd() * 7);
    const h = Math.floor(rnd() * 24);
    const m = Math.floor(rnd() * 60);
    const priority = String(1 + Math.floor(rnd() * 3));
    const onview = rnd() < 0.1;
    const arrives = rnd() > 0.15;
    const responseSec = arrives ? 30 + Math.floor(rnd() * 3600 * Number(priority)) : null;
    const lon = rnd() * 2;
    const at = (s: number) => {
      const t = new Date(Date.UTC(year, 11, day, h, m, 0) + s * 1000);
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
    };
    // Wall times written as UTC digits and read in America/Chicago: intervals are still exact, except
    // across the daylight-saving change, which December does not have.
    const id = `K${k}`;
    lines.push(
      [
        id,
        at(0),
        at(20),
        responseSec === null ? '' : at(responseSec),
        priority,
        onview ? 'ONVIEW' : '911',
        lon.toFixed(4),
        (0.1 + rnd() * 0.8).toFixed(4),
      ].join(','),
    );
    calls.push({ id, year, day, priority, district: lon < 1 ? '1' : '2', onview, responseSec });
  }
  return { csv: `${lines.join('\n')}\n`, calls };
}

function quantile7(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  return x[lo]! + (h - lo) * (x[Math.min(lo + 1, x.length - 1)]! - x[lo]!);
}

const generated = generate();
const reports: Record<string, { store: Store; dir: string }> = {};

beforeAll(async () => {
  for (const kind of STORE_KINDS) {
    const { store, dir, write } = await fixtureAgency(() => openTestStore(kind));
    const csv = await write('calls.csv', generated.csv);
    const mapping = await write('mapping.json', JSON.stringify(FIXTURE_CAD_MAPPING));
    const s = await importCalls(store, { file: csv, profile: 'generic', mappingFile: mapping, nowMs: NOW });
    expect(s).toMatchObject({ read: 500, stored: 500, quarantined: 0 });
    reports[kind] = { store, dir };
  }
}, 120_000);

afterAll(async () => {
  for (const { store, dir } of Object.values(reports)) {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
  await removeTestStores();
});

const row = (r: ResponseReport, dimension: string, key: string) => {
  const found = r.rows.find((x) => x.dimension === dimension && x.key === key);
  if (!found) throw new Error(`no ${dimension} ${key} row`);
  return found;
};
const measured = (keep: (c: Generated) => boolean) =>
  generated.calls.filter((c) => keep(c) && !c.onview && c.responseSec !== null).map((c) => c.responseSec!);

describe.each(STORE_KINDS)('response report rules (%s)', (kind) => {
  const report = (input: Parameters<typeof responseReport>[1]) => responseReport(reports[kind]!.store, input);

  it('judges the share within target only where a row has one priority', async () => {
    const r = await report({ week: '2019-W51', targetsSec: { '1': 1200, '2': 3000 } });
    const wtd = (dim: string, key: string) => row(r, dim, key).periods['wtd']!.current;
    const p1 = measured((c) => c.year === 2019 && c.priority === '1');
    expect(row(r, 'priority', '1').targetSec).toBe(1200);
    expect(wtd('priority', '1')).toMatchObject({ measured: p1.length, withTarget: p1.length });
    expect(wtd('priority', '1').withinTargetShare).toBeCloseTo(
      p1.filter((s) => s <= 1200).length / p1.length,
      12,
    );
    expect(wtd('priority', '1').medianSec).toBeCloseTo(quantile7(p1, 0.5)!, 9);
    // Priority 3 has no target; rows mixing priorities have none either.
    expect(wtd('priority', '3')).toMatchObject({ withinTargetShare: null, withTarget: 0 });
    for (const [dim, key] of [
      ['agency', '*'],
      ['channel', '911'],
      ['unit', '11'],
    ] as const) {
      expect(row(r, dim, key).targetSec).toBeNull();
      expect(wtd(dim, key).withinTargetShare).toBeNull();
    }

    // Restricted to priority 1, every row holds one priority: units get the share too.
    const only1 = await report({
      week: '2019-W51',
      level: 'district',
      priority: '1',
      targetsSec: { '1': 1200 },
    });
    expect(only1.options.priority).toBe('1');
    // The priorities to choose from are those of all the calls in the windows.
    expect(only1.priorities).toEqual(['1', '2', '3']);
    expect(only1.rows.every((x) => x.targetSec === 1200)).toBe(true);
    expect(only1.rows.filter((x) => x.dimension === 'priority').map((x) => x.key)).toEqual(['1']);
    const d1 = measured((c) => c.year === 2019 && c.priority === '1' && c.district === '1');
    const unit1 = row(only1, 'unit', '1').periods['wtd']!.current;
    expect(unit1.measured).toBe(d1.length);
    expect(unit1.withinTargetShare).toBeCloseTo(d1.filter((s) => s <= 1200).length / d1.length, 12);
    expect(unit1.p90Sec).toBeCloseTo(quantile7(d1, 0.9)!, 9);
  });

  it('keeps only a unit’s calls with `unit`, and refuses an unknown unit', async () => {
    const r = await report({ week: '2019-W51', unit: '2', level: 'beat' });
    const agency = row(r, 'agency', '*').periods['wtd']!;
    expect(agency.current.calls).toBe(
      generated.calls.filter((c) => c.year === 2019 && c.district === '2').length,
    );
    expect(agency.previous.calls).toBe(
      generated.calls.filter((c) => c.year === 2018 && c.district === '2').length,
    );
    expect(r.rows.filter((x) => x.dimension === 'unit').map((x) => x.key)).toEqual(['21', '22']);
    await expect(report({ week: '2019-W51', unit: 'nope' })).rejects.toSatisfy((e) =>
      isVigiaError(e, 'UNKNOWN_UNIT'),
    );
  });

  it('gives the histogram of the agency row’s response times and the hour × weekday grid', async () => {
    const r = await report({ week: '2019-W51' });
    const hist = r.distribution['wtd']!;
    const cur = measured((c) => c.year === 2019);
    expect(hist.current.binWidth).toBe(DISTRIBUTION_BIN_SEC);
    expect(hist.current.counts.reduce((a, b) => a + b, 0) + hist.current.overflow).toBe(cur.length);
    expect(hist.current.counts[0]).toBe(cur.filter((s) => s < 60).length);
    expect(hist.current.counts[10]).toBe(cur.filter((s) => s >= 600 && s < 660).length);
    expect(hist.current.overflow).toBe(cur.filter((s) => s >= 3600).length);
    expect(hist.previous.counts.reduce((a, b) => a + b, 0) + hist.previous.overflow).toBe(
      measured((c) => c.year === 2018).length,
    );
    const grid = r.hourWeekday['wtd']!;
    expect(grid.reduce((a, c) => a + c.calls, 0)).toBe(300);
    expect(grid.every((c) => c.weekday >= 1 && c.weekday <= 7 && c.hour >= 0 && c.hour < 24)).toBe(true);
  });

  it('says which windows reach outside the dates of the calls', async () => {
    const r = await report({ week: '2019-W51' });
    expect(r.dataRange).toEqual({ first: '2018-12-16', last: '2019-12-22' });
    // Last year's 28 days and year to date start before the first call; the week itself is covered.
    expect(r.periodKeys.map((k) => [k, r.periods[k]!.outsideData])).toEqual([
      ['wtd', false],
      ['d28', true],
      ['ytd', true],
    ]);
    const later = await report({ from: '2019-12-20', to: '2019-12-31' });
    expect(later.periods['range']!.outsideData).toBe(true);
  });
});

describe('both stores', () => {
  it('give the same report', async () => {
    const input = { week: '2019-W51', level: 'beat', targetsSec: { '1': 600 } };
    const [duck, pg] = await Promise.all(STORE_KINDS.map((k) => responseReport(reports[k]!.store, input)));
    expect(duck!.rows.length).toBeGreaterThan(8);
    expect(pg).toEqual(duck);
  });
});
