import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDate, parseLocalDate } from '@vigia/domain';
import type { Store, StoredUnit } from '@vigia/store';
import { importIncidents } from '../import/import-incidents.js';
import { FIXTURE_HEADER, FIXTURE_MAPPING, fixtureAgency } from '../test-helpers/fixture-agency.js';
import { generateAgenda } from './generate-agenda.js';
import { emergingHotSpotSource, hotSpotCellSize, type HotSpotFigures } from './hot-spot-source.js';

/** Monday of 2019-W50 (the cube's last week is 2019-12-09..15; its first 2018-12-17..23). */
const MONDAY = parseLocalDate('2019-12-09');
const NOW = () => Date.UTC(2019, 11, 23, 18);

/**
 * District 2: one theft a week for 52 weeks scattered over its northern half (y 0.6..0.9), and a
 * cluster of 8 robberies at (1.5, 0.25) in the reviewed week only, where nothing happened before.
 * District 1: a single incident (too few for the analysis).
 */
function rows(): string[] {
  const out: string[] = [];
  let n = 0;
  const add = (day: number, offense: string, lon: number, lat: number) =>
    out.push(`i${++n},${formatLocalDate(day)} 12:00,${offense},,R,,${lon},${lat}`);
  for (let w = 0; w < 52; w++)
    add(MONDAY - (51 - w) * 7 + 2, 'HURTO', 1.1 + (w % 8) * 0.1, 0.6 + (w % 4) * 0.1);
  for (let d = 0; d < 8; d++) add(MONDAY + (d % 7), 'ROBO', 1.5, 0.25);
  add(MONDAY + 1, 'HURTO', 0.5, 0.5);
  return out;
}

describe('emerging hot spot agenda source', () => {
  let store: Store;
  let unit: Record<string, StoredUnit>;

  beforeAll(async () => {
    const f = await fixtureAgency();
    store = f.store;
    const csv = await f.write('h.csv', [FIXTURE_HEADER, ...rows()].join('\n'));
    const mapping = await f.write('h.json', JSON.stringify(FIXTURE_MAPPING));
    await importIncidents(store, { file: csv, profile: 'generic', mappingFile: mapping, nowMs: NOW() });
    unit = Object.fromEntries((await store.listUnits({ withGeometry: false })).map((u) => [u.code, u]));
  });
  afterAll(async () => {
    await store.close();
  });

  it('lists the new cluster of the reviewed week, and nothing for a unit with too few incidents', async () => {
    // 5 km cells keep the 1° × 1° fixture districts small (a 500 m grid would have ~50,000 cells).
    const sources = [emergingHotSpotSource({ cellSizeMeters: 5000 })];
    const agenda = await generateAgenda(store, '2019-W50', [unit['2']!.id, unit['1']!.id], {
      now: NOW,
      sources,
    });
    const [d2, d1] = agenda.units;
    const hot = d2!.items.filter((i) => i.kind === 'hot_spot');
    expect(hot).toHaveLength(1);
    expect(hot[0]!.category).toBe('*');
    const f = hot[0]!.figures as HotSpotFigures;
    expect(f).toMatchObject({ from: '2018-12-17', to: '2019-12-15', step: 'week', cellSizeMeters: 5000 });
    expect(f.new + f.intensifying).toBeGreaterThan(0);
    expect(f.places.length).toBeGreaterThan(0);
    expect(f.places.length).toBeLessThanOrEqual(5);
    // The busiest listed cell is the cluster's: its 8 robberies, centroid within a cell of (1.5, 0.25).
    expect(f.places[0]).toMatchObject({ category: 'new', count: 8 });
    expect(Math.abs(f.places[0]!.lon - 1.5)).toBeLessThan(0.05);
    expect(Math.abs(f.places[0]!.lat - 0.25)).toBeLessThan(0.05);
    expect(d1!.items.filter((i) => i.kind === 'hot_spot')).toEqual([]);
  });

  it('finds nothing a year earlier, before the cluster', async () => {
    const agenda = await generateAgenda(store, '2019-W40', [unit['2']!.id], {
      now: NOW,
      sources: [emergingHotSpotSource({ cellSizeMeters: 5000 })],
    });
    expect(agenda.units[0]!.items.filter((i) => i.kind === 'hot_spot')).toEqual([]);
  });

  it('keeps 500 m cells for a city district and coarsens them for a big unit', () => {
    const box = (w: number, h: number) => ({
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [w, 0],
          [w, h],
          [0, h],
          [0, 0],
        ],
      ],
    });
    // ~11 km × 11 km: 484 cells of 500 m.
    expect(hotSpotCellSize(box(0.1, 0.1))).toBe(500);
    // ~111 km × 111 km: 500 m would be ~50,000 cells; at most 5,000 → √(111,320² / 5,000) ≈ 1,574 → 1,600.
    expect(hotSpotCellSize(box(1, 1))).toBe(1600);
    expect(hotSpotCellSize(box(1, 1), 5000)).toBe(5000);
  });
});
