import { describe, expect, it } from 'vitest';
import { DEMO_PROBLEM_KINDS, demoProblemCounts, injectDataProblems } from './data-problems.js';
import { createRng } from './prng.js';
import type { DemoIncidentRow } from './rows.js';

function fakeRows(n: number): DemoIncidentRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id_caso: `CE-2024-${String(i + 1).padStart(6, '0')}`,
    fecha_hecho: '15/03/2024 10:45',
    delito: 'HURTO',
    estado: 'REPORTADO',
    sector: 'P1-S1',
    longitud: '-79.550000',
    latitud: '8.980000',
    problem: null,
  }));
}

describe('demoProblemCounts', () => {
  it('is about 0.2 % of rows and never drops a kind', () => {
    const c = demoProblemCounts(32_000);
    const total = DEMO_PROBLEM_KINDS.reduce((a, k) => a + c[k], 0);
    expect(total).toBeGreaterThan(50);
    expect(total).toBeLessThan(80);
    expect(c.outside_city).toBe(2);
    const small = demoProblemCounts(1_000);
    for (const k of DEMO_PROBLEM_KINDS) expect(small[k]).toBeGreaterThanOrEqual(1);
  });
});

describe('injectDataProblems', () => {
  const rows = fakeRows(20_000);
  const out = injectDataProblems(rows, createRng(3));
  const counts = demoProblemCounts(rows.length);

  it('marks the designed number of rows of each kind and adds the duplicates', () => {
    expect(out.length).toBe(rows.length + counts.duplicate_row);
    for (const k of DEMO_PROBLEM_KINDS) expect(out.filter((r) => r.problem === k).length).toBe(counts[k]);
  });

  it('keeps ids and order, leaves the first and last 2 % untouched and copies duplicates exactly', () => {
    const ids = out.map((r) => r.id_caso);
    expect([...new Set(ids)]).toEqual(rows.map((r) => r.id_caso));
    const edge = Math.floor(rows.length * 0.02);
    expect(out.slice(0, edge)).toEqual(rows.slice(0, edge));
    expect(out.slice(-edge)).toEqual(rows.slice(-edge));
    out.forEach((r, i) => {
      if (r.problem === 'duplicate_row') expect({ ...r, problem: null }).toEqual(out[i - 1]);
    });
  });

  it('breaks the fields as documented', () => {
    const of = (k: string) => out.filter((r) => r.problem === k);
    for (const r of of('empty_date')) expect(r.fecha_hecho).toBe('');
    for (const r of of('impossible_date'))
      expect(r.fecha_hecho).toMatch(/^3[01]\/(02|04|06|09|11)\/2024 10:45$/);
    for (const r of of('unparseable_coordinates')) expect([r.longitud, r.latitud]).toEqual(['N/D', 'N/D']);
    for (const r of of('empty_coordinates'))
      expect([r.longitud, r.latitud, r.sector]).toEqual(['', '', 'P1-S1']);
    expect(of('outside_city').map((r) => [r.longitud, r.latitud])).toEqual([
      ['8.980000', '-79.550000'],
      ['-79.550000', '7.980000'],
    ]);
    for (const r of of('unmapped_label')) expect(r.delito).toBe('ALTERACIÓN DEL ORDEN');
  });

  it('refuses a series too short to pick from', () => {
    expect(() => injectDataProblems(fakeRows(80), createRng(1))).toThrow(/injectDataProblems/);
  });
});
