import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { isCallStore, type CallStore, type Store } from '@vigia/store';
import { sharedPath } from '../../../../test/shared-reference.js';
import { initAgency } from '../agency/init-agency.js';
import { STORE_KINDS, openTestStore, removeTestStores } from '../test-helpers/both-stores.js';
import { importUnits } from '../units/import-units.js';
import { importCalls } from './import-calls.js';
import { responseReport } from './response-report.js';
import type { ResponseReport } from './response-types.js';

/**
 * The two CAD extracts in ../shared/data. Seattle's response times are checked against an independent
 * computation from the raw file written here in plain code (a quote-aware line splitter, luxon for the
 * Los Angeles wall times, and the textbook linear-interpolation quantile of R's `quantile()` default),
 * not through any Vigía parser, mapper or statistic.
 */
const SEATTLE = 'data/seattle_calls/calls_east_precinct_sector_C_beat_C3_sample_2018_2023.csv';
const SACRAMENTO = 'data/sacramento_cfs/dispatch_2019_01.csv';
const NOW = Date.UTC(2026, 0, 1);

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  await removeTestStores();
});

/** A fresh store of `kind` that keeps calls (both adapters do). */
async function callStore(kind: (typeof STORE_KINDS)[number]): Promise<Store & CallStore> {
  const s = await openTestStore(kind);
  store = s;
  if (!isCallStore(s)) throw new Error(`${kind} store keeps no calls`);
  return s;
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function rawSeattle(): Record<string, string>[] {
  const lines = readFileSync(sharedPath(SEATTLE), 'utf8').split(/\r?\n/).filter(Boolean);
  const header = splitCsvLine(lines[0]!);
  return lines.slice(1).map((l) => {
    const cells = splitCsvLine(l);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

/** R quantile(x, p) with its default type 7, written out. */
function rQuantile7(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, x.length - 1);
  return x[lo]! + (h - lo) * (x[hi]! - x[lo]!);
}

/** Seconds from queued to arrived for rows passing `keep`, officer-initiated and unarrived ones left out. */
function independentResponseTimes(keep: (r: Record<string, string>) => boolean): number[] {
  const at = (t: string) =>
    DateTime.fromFormat(t, 'MM/dd/yyyy h:mm:ss a', { zone: 'America/Los_Angeles' }).toMillis();
  return rawSeattle()
    .filter((r) => keep(r) && r['Call Type'] !== 'ONVIEW' && r['Arrived Time'] !== '')
    .map((r) => (at(r['Arrived Time']!) - at(r['Original Time Queued']!)) / 1000);
}

function row(report: ResponseReport, dimension: string, key: string) {
  const r = report.rows.find((x) => x.dimension === dimension && x.key === key);
  if (!r) throw new Error(`no ${dimension} ${key} row`);
  return r.periods['range']!.current;
}

describe.each(STORE_KINDS)('seattle-cad on the real Seattle sample (%s)', (kind) => {
  it('imports all 222 calls; medians and 90th percentiles equal an independent computation', async () => {
    const calls = await callStore(kind);
    store = calls;
    await initAgency(store, { name: 'Seattle PD', timeZone: 'America/Los_Angeles', locale: 'en' });
    // Calls first, units later: importing the same calls again places them (no new version).
    await importCalls(store, { file: sharedPath(SEATTLE), profile: 'seattle-cad', nowMs: NOW });
    expect((await calls.listCallVersions('seattle-cad', '2023000319821'))[0]?.unitId).toBeNull();
    await importUnits(store, {
      file: sharedPath('data/seattle_calls/spd_beats_2018.geojson'),
      level: 'beat',
      codeProperty: 'beat',
    });
    const imported = await importCalls(store, {
      file: sharedPath(SEATTLE),
      profile: 'seattle-cad',
      nowMs: NOW,
    });
    const placed = await calls.listCallVersions('seattle-cad', '2023000319821');
    expect(placed).toHaveLength(1);
    expect(placed[0]?.unitId).not.toBeNull();
    expect(imported).toMatchObject({
      read: 222,
      unchanged: 222,
      quarantined: 0,
      calls: 222,
      officerInitiated: 13,
    });
    expect(imported.noOnScene).toBe(36);

    const report = await responseReport(store, { from: '2018-01-01', to: '2023-12-31' });
    const p1 = independentResponseTimes((r) => r['Priority'] === '1');
    const all911 = independentResponseTimes((r) => r['Call Type'] === '911');
    expect(p1.length).toBeGreaterThan(10);
    expect(all911).toHaveLength(85);

    const priority1 = row(report, 'priority', '1');
    expect(priority1.measured).toBe(p1.length);
    expect(priority1.medianSec).toBeCloseTo(rQuantile7(p1, 0.5), 9);
    expect(priority1.p90Sec).toBeCloseTo(rQuantile7(p1, 0.9), 9);
    const nine11 = row(report, 'channel', '911');
    expect(nine11.calls).toBe(107);
    expect(nine11.excluded.noOnScene).toBe(22);
    expect(nine11.medianSec).toBeCloseTo(rQuantile7(all911, 0.5), 9);
    expect(nine11.p90Sec).toBeCloseTo(rQuantile7(all911, 0.9), 9);

    // Volume counts every call; officer-initiated and unarrived calls are reported as excluded.
    const agency = row(report, 'agency', '*');
    expect(agency.calls).toBe(222);
    expect(agency.excluded.officerInitiated).toBe(13);
    expect(agency.calls).toBe(agency.measured + Object.values(agency.excluded).reduce((a, b) => a + b, 0));
    // Every call is in beat C3 (the polygons agree with the Beat column).
    expect(report.rows.filter((r) => r.dimension === 'unit').map((r) => r.key)).toEqual(['C3']);
    // Arrests: "PHYSICAL ARREST MADE" appears 9 times in the file.
    const enforcement = report.enforcement.find((e) => e.dimension === 'agency');
    expect(enforcement?.periods['range']?.current.arrests).toBe(9);

    const again = await importCalls(store, { file: sharedPath(SEATTLE), profile: 'seattle-cad', nowMs: NOW });
    expect(again).toMatchObject({ read: 222, stored: 0, unchanged: 222, updated: 0 });
  });
});

describe.each(STORE_KINDS)('sacramento-cad on the real Sacramento extract (%s)', (kind) => {
  it('gives volumes and no response time (dates only)', async () => {
    store = await callStore(kind);
    await initAgency(store, { name: 'Sacramento PD', timeZone: 'America/Los_Angeles', locale: 'en' });
    const imported = await importCalls(store, {
      file: sharedPath(SACRAMENTO),
      profile: 'sacramento-cad',
      nowMs: NOW,
    });
    expect(imported).toMatchObject({ read: 25_000, stored: 25_000, quarantined: 0, dateOnly: 25_000 });
    const report = await responseReport(store, { from: '2019-01-01', to: '2019-02-01' });
    const agency = row(report, 'agency', '*');
    expect(agency.calls).toBe(25_000);
    expect(agency.measured).toBe(0);
    expect(agency.medianSec).toBeNull();
    expect(agency.p90Sec).toBeNull();
    expect(agency.excluded.dateOnly).toBe(25_000);
    expect(report.enforcement).toEqual([]);
    // Volume by beat, read from the file independently.
    const lines = readFileSync(sharedPath(SACRAMENTO), 'utf8').split(/\r?\n/).filter(Boolean);
    const beatCol = lines[0]!.split(',').indexOf('beat');
    const beat3M = lines.slice(1).filter((l) => splitCsvLine(l)[beatCol] === '3M').length;
    expect(beat3M).toBeGreaterThan(0);
    expect(row(report, 'unit', '3M').calls).toBe(beat3M);
  });
});
