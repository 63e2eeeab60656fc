import { dayNumber, isOffenseCategory, isoWeekday, isValidYmd, parseLocalDate } from '@vigia/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { incidentsToCsv } from './csv.js';
import { DEMO_PROBLEM_KINDS, demoProblemCounts, type DemoProblemKind } from './data-problems.js';
import { generateDemoIncidents } from './generate-incidents.js';
import { DEMO_CSV_COLUMNS, demoMapping } from './mapping.js';
import { DEMO_UNMAPPED_LABEL } from './offense-labels.js';
import { DEMO_CITY_BBOX, generateDemoUnits, type DemoUnits } from './units.js';

const END = '2025-06-01';
const END_DAY = parseLocalDate(END);
const DATE_RE = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/;
const COORD_RE = /^-?\d{1,3}\.\d{6}$/;

interface Parsed {
  line: string;
  cells: string[];
  /** Day number, or null when the date is empty, malformed or impossible. */
  day: number | null;
  hour: number | null;
  lon: number | null;
  lat: number | null;
}

function parseCsv(csv: string): { header: string; rows: Parsed[] } {
  const lines = csv.split('\n');
  expect(lines.pop()).toBe(''); // ends with a line break
  const [header, ...data] = lines;
  return {
    header: header!,
    rows: data.map((line) => {
      const cells = line.split(',');
      const m = DATE_RE.exec(cells[1]!);
      const ok =
        m && isValidYmd(Number(m[3]), Number(m[2]), Number(m[1])) && Number(m[4]) < 24 && Number(m[5]) < 60;
      const numeric = COORD_RE.test(cells[5]!) && COORD_RE.test(cells[6]!);
      return {
        line,
        cells,
        day: ok ? dayNumber(Number(m[3]), Number(m[2]), Number(m[1])) : null,
        hour: ok ? Number(m[4]) : null,
        lon: numeric ? Number(cells[5]) : null,
        lat: numeric ? Number(cells[6]) : null,
      };
    }),
  };
}

/** Even–odd ray casting: true when (x, y) is inside the ring and not on its boundary. */
function strictlyInsideRing(ring: number[][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    const minX = Math.min(xi, xj);
    const maxX = Math.max(xi, xj);
    const minY = Math.min(yi, yj);
    const maxY = Math.max(yi, yj);
    if (
      (xj - xi) * (y - yi) - (yj - yi) * (x - xi) === 0 &&
      x >= minX &&
      x <= maxX &&
      y >= minY &&
      y <= maxY
    ) {
      return false; // on an edge
    }
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideCity(lon: number, lat: number): boolean {
  const [x0, y0, x1, y1] = DEMO_CITY_BBOX;
  return lon > x0 && lon < x1 && lat > y0 && lat < y1;
}

let units: DemoUnits;
let csv: string;
let header: string;
let rows: Parsed[];
let valid: Parsed[];

beforeAll(() => {
  units = generateDemoUnits(5);
  csv = incidentsToCsv(generateDemoIncidents(units, { seed: 5, endDate: END }));
  ({ header, rows } = parseCsv(csv));
  valid = rows.filter((r, i) => r.day !== null && r.line !== rows[i - 1]?.line);
});

const count = (xs: Parsed[], pred: (r: Parsed) => boolean) => xs.reduce((n, r) => n + (pred(r) ? 1 : 0), 0);

describe('generateDemoIncidents: format and volume', () => {
  it('writes the documented header, 7 plain fields a row, LF endings and no BOM', () => {
    expect(header).toBe(DEMO_CSV_COLUMNS.join(','));
    expect(header).toBe('id_caso,fecha_hecho,delito,estado,sector,longitud,latitud');
    expect(csv.includes('\r')).toBe(false);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.includes('"')).toBe(false);
    expect(rows.filter((r) => r.cells.length !== 7)).toEqual([]);
  });

  it('produces about 30 incidents a day over 3 years', () => {
    expect(rows.length).toBeGreaterThan(25_000);
    expect(rows.length).toBeLessThan(40_000);
  });

  it('uses unique ids "CE-<year>-<seq>" except for exact duplicate lines', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    rows.forEach((r, i) => {
      const id = r.cells[0]!;
      if (!/^CE-\d{4}-\d{6}$/.test(id)) bad.push(`bad id: ${r.line}`);
      if (seen.has(id) && r.line !== rows[i - 1]!.line) bad.push(`reused id: ${r.line}`);
      if (r.day !== null && id.slice(3, 7) !== r.cells[1]!.slice(6, 10)) bad.push(`id year: ${r.line}`);
      seen.add(id);
    });
    expect(bad).toEqual([]);
    expect(seen.size).toBeGreaterThan(rows.length - 10);
  });

  it('spans exactly `years` years ending at endDate', () => {
    const days = valid.map((r) => r.day!);
    expect(Math.min(...days)).toBe(parseLocalDate('2022-06-02'));
    expect(Math.max(...days)).toBe(END_DAY);
    const short = parseCsv(
      incidentsToCsv(generateDemoIncidents(units, { seed: 5, endDate: '2024-02-29', years: 1 })),
    );
    const shortDays = short.rows.filter((r) => r.day !== null).map((r) => r.day!);
    expect(Math.min(...shortDays)).toBe(parseLocalDate('2023-03-01'));
    expect(Math.max(...shortDays)).toBe(parseLocalDate('2024-02-29'));
    expect(short.rows.length).toBeGreaterThan(8_000);
    expect(short.rows.length).toBeLessThan(14_000);
  });
});

describe('generateDemoIncidents: places', () => {
  it('puts every located point strictly inside the polygon of its sector', () => {
    const rings = new Map(units.sectors.map((s) => [s.code, s.geometry.coordinates[0]!]));
    let checked = 0;
    const bad: string[] = [];
    for (const r of rows) {
      const ring = rings.get(r.cells[4]!);
      if (!ring) bad.push(`unknown sector: ${r.line}`);
      if (!ring || r.lon === null || r.lat === null || !insideCity(r.lon, r.lat)) continue;
      if (!strictlyInsideRing(ring, r.lon, r.lat)) bad.push(`outside its sector: ${r.line}`);
      checked++;
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(rows.length * 0.99);
  });

  it('concentrates offenses in the persistent hot spots', () => {
    const top = (label: string) => {
      const by = new Map<string, number>();
      for (const r of valid) if (r.cells[2] === label) by.set(r.cells[4]!, (by.get(r.cells[4]!) ?? 0) + 1);
      return [...by].sort((a, b) => b[1] - a[1])[0]![0];
    };
    expect(top('HURTO')).toBe('P1-S1'); // Mercado Municipal
    expect(top('POSESIÓN DE DROGAS')).toBe('P3-S3'); // El Progreso
    expect(top('HURTO DE VEHÍCULO')).toBe('P4-S1'); // Centro Comercial Los Almendros
    const fights = valid.filter((r) => r.cells[2] === 'LESIONES LEVES');
    const night = fights.filter((r) => r.hour! >= 19 || r.hour! < 5);
    const day = fights.filter((r) => r.hour! >= 5 && r.hour! < 19);
    const share = (xs: Parsed[]) => count(xs, (r) => r.cells[4] === 'P2-S2') / xs.length; // Calle Luna
    expect(share(night)).toBeGreaterThan(2 * share(day));
  });
});

describe('generateDemoIncidents: time patterns', () => {
  const byHourAndWeekday = (pred: (weekday: number, hour: number) => boolean) =>
    count(valid, (r) => pred(isoWeekday(r.day!), r.hour!));

  it('has a weekly rhythm: more on Saturdays and on Friday/Saturday nights', () => {
    const sat = byHourAndWeekday((wd) => wd === 6);
    const tue = byHourAndWeekday((wd) => wd === 2);
    expect(sat).toBeGreaterThan(1.1 * tue);
    const weekendNights = byHourAndWeekday((wd, h) => (wd === 5 || wd === 6) && h >= 20);
    const weekNights = byHourAndWeekday((wd, h) => (wd === 1 || wd === 2) && h >= 20);
    expect(weekendNights).toBeGreaterThan(1.25 * weekNights);
  });

  it('has a time-of-day rhythm', () => {
    expect(byHourAndWeekday((_wd, h) => h === 21)).toBeGreaterThan(
      2.5 * byHourAndWeekday((_wd, h) => h === 4),
    );
  });

  it('has a yearly cycle: the dry season (Dec–Jan) above the rainy season (Jul–Aug)', () => {
    const month = (r: Parsed) => Number(r.cells[1]!.slice(3, 5));
    const dry = count(valid, (r) => month(r) === 12 || month(r) === 1);
    const rainy = count(valid, (r) => month(r) === 7 || month(r) === 8);
    expect(dry).toBeGreaterThan(1.07 * rainy);
  });

  it('has a slow trend: extortion rises, theft falls', () => {
    const firstYear = (r: Parsed) => r.day! <= END_DAY - 730;
    const lastYear = (r: Parsed) => r.day! > END_DAY - 365;
    const ext = valid.filter((r) => r.cells[2] === 'EXTORSIÓN');
    expect(count(ext, lastYear)).toBeGreaterThan(1.05 * count(ext, firstYear));
    const theft = valid.filter((r) => r.cells[2] === 'HURTO');
    expect(count(theft, lastYear)).toBeLessThan(count(theft, firstYear));
  });

  it('has an emerging robbery series in La Colina and a vehicle-theft wave that is over', () => {
    const robbery = valid.filter((r) => r.cells[2] === 'ROBO A MANO ARMADA' && r.cells[4] === 'P5-S2');
    const window = (xs: Parsed[], lastDay: number, days: number) =>
      count(xs, (r) => r.day! <= lastDay && r.day! > lastDay - days);
    const before = (window(robbery, END_DAY - 28, 365) * 28) / 365; // 28-day mean, year before the series
    expect(window(robbery, END_DAY, 28)).toBeGreaterThan(3 * before + 6);
    expect(window(robbery, END_DAY, 7)).toBeGreaterThan((3 * before) / 4 + 2);
    // It began within the last four weeks: the last 3 weeks well above the 3 weeks before.
    expect(window(robbery, END_DAY, 21)).toBeGreaterThan(2 * window(robbery, END_DAY - 21, 21) + 2);
    const mvt = valid.filter((r) => r.cells[2] === 'HURTO DE VEHÍCULO' && r.cells[4] === 'P4-S3');
    expect(window(mvt, END_DAY - 48, 28)).toBeGreaterThan(3 * window(mvt, END_DAY, 28) + 3);
  });
});

describe('generateDemoIncidents: labels and statuses', () => {
  const mapping = demoMapping();

  it('uses only mapped labels, plus the deliberate unmapped one', () => {
    const labels = new Set(rows.map((r) => r.cells[2]!));
    const mapped = Object.keys(mapping.offenseMap);
    expect([...labels].filter((l) => !mapped.includes(l))).toEqual([DEMO_UNMAPPED_LABEL]);
    for (const l of mapped) expect(labels.has(l)).toBe(true);
    for (const c of Object.values(mapping.offenseMap)) expect(isOffenseCategory(c)).toBe(true);
    expect(mapping.offenseMap.HOMICIDIO).toBe('homicide');
    expect(mapping.offenseMap['VIOLACIÓN']).toBe('sexual_assault');
  });

  it('has realistic frequencies: theft most common, homicide rare', () => {
    const by = new Map<string, number>();
    for (const r of valid) by.set(r.cells[2]!, (by.get(r.cells[2]!) ?? 0) + 1);
    const sorted = [...by].sort((a, b) => b[1] - a[1]);
    expect(sorted[0]![0]).toBe('HURTO');
    const homicideShare = by.get('HOMICIDIO')! / valid.length;
    expect(homicideShare).toBeGreaterThan(0.002);
    expect(homicideShare).toBeLessThan(0.015);
  });

  it('uses the mapped statuses: mostly reported, about 1 % unfounded', () => {
    const statuses = new Map<string, number>();
    for (const r of rows) statuses.set(r.cells[3]!, (statuses.get(r.cells[3]!) ?? 0) + 1);
    expect([...statuses.keys()].sort()).toEqual(Object.keys(mapping.statusMap).sort());
    expect(statuses.get('REPORTADO')! / rows.length).toBeGreaterThan(0.6);
    const unfounded = statuses.get('INFUNDADO')! / rows.length;
    expect(unfounded).toBeGreaterThan(0.005);
    expect(unfounded).toBeLessThan(0.015);
  });
});

describe('generateDemoIncidents: deliberate data problems', () => {
  it('plants each problem as designed, about 0.2 % of rows in all', () => {
    const found: Record<DemoProblemKind, number> = {
      impossible_date: 0,
      empty_date: 0,
      unparseable_coordinates: 0,
      empty_coordinates: 0,
      outside_city: 0,
      unmapped_label: 0,
      duplicate_row: 0,
    };
    const mapped = new Set(Object.keys(demoMapping().offenseMap));
    rows.forEach((r, i) => {
      if (r.line === rows[i - 1]?.line) return void found.duplicate_row++;
      if (r.cells[1] === '') found.empty_date++;
      else if (r.day === null) found.impossible_date++;
      if (r.cells[5] === 'N/D' && r.cells[6] === 'N/D') found.unparseable_coordinates++;
      if (r.cells[5] === '' && r.cells[6] === '') found.empty_coordinates++;
      if (r.lon !== null && r.lat !== null && !insideCity(r.lon, r.lat)) found.outside_city++;
      if (!mapped.has(r.cells[2]!)) found.unmapped_label++;
    });
    const expected = demoProblemCounts(rows.length - found.duplicate_row);
    expect(found).toEqual(expected);
    for (const k of DEMO_PROBLEM_KINDS) expect(found[k]).toBeGreaterThan(0);
    const total = DEMO_PROBLEM_KINDS.reduce((a, k) => a + found[k], 0);
    expect(total / rows.length).toBeGreaterThan(0.0015);
    expect(total / rows.length).toBeLessThan(0.0025);
  });

  it('keeps the sector on rows without a location and breaks only the date part of impossible dates', () => {
    for (const r of rows) {
      if (r.cells[5] === '' || r.cells[5] === 'N/D') expect(r.cells[4]).toMatch(/^P\d-S\d$/);
      if (r.cells[1] !== '' && r.day === null) {
        expect(r.cells[1]).toMatch(DATE_RE);
        expect(['31/02', '30/02', '31/04', '31/06', '31/09', '31/11']).toContain(r.cells[1]!.slice(0, 5));
      }
    }
  });
});

describe('generateDemoIncidents: determinism', () => {
  it('gives the same rows for the same seed and different rows for another seed', () => {
    const again = incidentsToCsv(generateDemoIncidents(generateDemoUnits(5), { seed: 5, endDate: END }));
    expect(again === csv).toBe(true);
    const other = incidentsToCsv(generateDemoIncidents(generateDemoUnits(6), { seed: 6, endDate: END }));
    expect(other === csv).toBe(false);
    expect(other.split('\n', 2)[1]).not.toBe(csv.split('\n', 2)[1]);
  });
});
