import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isVigiaError } from '@vigia/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_FILE_NAMES, demoFileContents, writeDemoFiles } from './demo-files.js';
import { DEFAULT_DEMO_SEED } from './options.js';

const OPTIONS = { endDate: '2025-06-01' };
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('writeDemoFiles', () => {
  it('writes the files, named and labelled as synthetic, and returns their paths and the agency', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'vigia-demo-')), 'nested', 'demo');
    dirs.push(dir);
    const files = await writeDemoFiles(dir, OPTIONS);
    expect((await readdir(dir)).sort()).toEqual(Object.values(DEMO_FILE_NAMES).sort());
    for (const name of Object.values(DEMO_FILE_NAMES)) expect(name.toLowerCase()).toMatch(/sintetic/);
    expect(files.agency).toEqual({
      name: 'Policía de Ciudad Esperanza (demo sintética)',
      country: 'PA',
      timeZone: 'America/Panama',
      locale: 'es',
    });

    const expected = demoFileContents({ ...OPTIONS, seed: DEFAULT_DEMO_SEED });
    for (const key of Object.keys(DEMO_FILE_NAMES) as (keyof typeof DEMO_FILE_NAMES)[]) {
      const bytes = await readFile(files[key]);
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false); // no BOM
      expect(bytes.includes(0x0d)).toBe(false); // no CR
      expect(bytes.toString('utf8') === expected[key]).toBe(true);
    }

    const sectors = JSON.parse(await readFile(files.sectorsGeoJson, 'utf8')) as {
      _synthetic: boolean;
      features: { properties: { _synthetic: boolean } }[];
    };
    expect(sectors._synthetic).toBe(true);
    expect(sectors.features.every((f) => f.properties._synthetic)).toBe(true);
    expect(await readFile(files.readme, 'utf8')).toMatch(/DATOS SINTÉTICOS/);
    const mapping = JSON.parse(await readFile(files.mappingJson, 'utf8')) as Record<string, unknown>;
    expect(mapping.name).toBe('demo-ciudad-esperanza');
    expect(mapping.formats).toEqual({ dateTime: 'dd/MM/yyyy HH:mm' });
  });

  it('is deterministic: same options, same bytes; another seed or end date, other bytes', () => {
    const a = demoFileContents(OPTIONS);
    const b = demoFileContents(OPTIONS);
    expect(JSON.stringify(b) === JSON.stringify(a)).toBe(true);
    const c = demoFileContents({ ...OPTIONS, seed: 99 });
    expect(c.incidentsCsv === a.incidentsCsv).toBe(false);
    expect(c.sectorsGeoJson === a.sectorsGeoJson).toBe(false);
    expect(c.mappingJson).toBe(a.mappingJson);
    const d = demoFileContents({ endDate: '2025-06-08' });
    expect(d.incidentsCsv === a.incidentsCsv).toBe(false);
  });

  it('rejects a bad end date or number of years', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isVigiaError(e) ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => demoFileContents({ endDate: '2025-02-30' }))).toBe('INVALID_DATE');
    expect(code(() => demoFileContents({ endDate: '2025-06-01', years: 0 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => demoFileContents({ endDate: '2025-06-01', years: 2.5 }))).toBe('INVALID_ARGUMENT');
  });
});
