import { fileURLToPath } from 'node:url';
import { isVigiaError, type VigiaError } from '@vigia/domain';
import { describe, expect, it } from 'vitest';
import { rejectionOf, useTempDir } from '../test-helpers/temp-files.js';
import { BUILTIN_PROFILES, PROFILE_NAMES } from './builtin-profiles.js';
import { loadMapping } from './load-mapping.js';
import { mappingSchema } from './mapping.js';

const tmp = useTempDir('vigia-mapping-');

async function vigiaRejection(p: Promise<unknown>, code: string): Promise<VigiaError> {
  const e = await rejectionOf(p);
  if (!isVigiaError(e) || e.code !== code) expect.fail(`expected VigiaError ${code}, got ${String(e)}`);
  return e;
}

const GENERIC = {
  name: 'comisaria-norte',
  timeZone: 'America/Tegucigalpa',
  delimiter: ';',
  columns: { sourceId: 'numero', occurredDateTime: 'fecha', offense: ['delito', 'delito2'] },
  formats: { dateTime: 'dd/MM/yyyy HH:mm' },
  offenseMap: { 'ROBO A PERSONA': 'robbery' },
  statusMap: { INFUNDADO: 'unfounded' },
};

describe('loadMapping: built-in profiles', () => {
  it('loads every built-in profile, valid against the schema, with its zone', async () => {
    const names = Object.keys(BUILTIN_PROFILES);
    expect(names.length).toBeGreaterThan(0);
    expect(PROFILE_NAMES).toEqual([...names, 'generic']);
    for (const name of names) {
      const m = await loadMapping(name);
      expect(m.name).toBe(name);
      expect(m).toEqual(mappingSchema.parse(BUILTIN_PROFILES[name]));
      expect(m.timeZone).toMatch(/^America\//);
      expect(m.columns.occurredDateTime ?? m.columns.occurredDate).toBeTruthy();
      expect(m.columns.offense !== undefined || m.offenseConstant !== undefined).toBe(true);
    }
  });

  it('applies schema defaults', async () => {
    const houston = await loadMapping('houston');
    expect(houston).toMatchObject({
      offsetInText: 'use',
      decimalSeparator: '.',
      missingValues: ['NA', 'N/A', 'NULL'],
    });
    expect((await loadMapping('nyc-homicides')).unitOfRecord).toBe('polygon');
    expect(houston.unitOfRecord).toBe('source');
    expect((await loadMapping('medellin')).decimalSeparator).toBe(',');
    expect((await loadMapping('chicago-code')).unitOfRecord).toBe('source');
  });

  it('lets a mapping file override fields of a built-in profile', async () => {
    const file = await tmp.write(
      'override.json',
      JSON.stringify({ timeZone: 'America/Panama', unitOfRecord: 'polygon' }),
    );
    const m = await loadMapping('houston', file);
    expect(m.timeZone).toBe('America/Panama');
    expect(m.unitOfRecord).toBe('polygon');
    // Everything else is the built-in's.
    expect(m.name).toBe('houston');
    expect(m.columns).toEqual(BUILTIN_PROFILES.houston!.columns);
    expect(m.formats).toEqual(BUILTIN_PROFILES.houston!.formats);
  });

  it('merges columns, formats and maps of an override into the built-in ones', async () => {
    const file = await tmp.write(
      'deep.json',
      JSON.stringify({
        columns: { reportedDate: 'reported' },
        offenseMap: { 'homicidio doloso': 'homicide' },
      }),
    );
    const m = await loadMapping('houston', file);
    expect(m.columns).toEqual({ ...BUILTIN_PROFILES.houston!.columns, reportedDate: 'reported' });
    expect(m.offenseMap).toMatchObject({ murder: 'homicide', 'homicidio doloso': 'homicide' });
  });
});

describe('loadMapping: generic', () => {
  it('reads a mapping file (with or without a BOM)', async () => {
    for (const [name, text] of [
      ['generic.json', JSON.stringify(GENERIC)],
      ['generic-bom.json', `\uFEFF${JSON.stringify(GENERIC, null, 2)}`],
    ] as const) {
      const m = await loadMapping('generic', await tmp.write(name, text));
      expect(m).toMatchObject({ ...GENERIC, encoding: 'auto', offsetInText: 'use', unitOfRecord: 'polygon' });
    }
  });

  it('throws MAPPING_REQUIRED without --mapping', async () => {
    const e = await vigiaRejection(loadMapping('generic'), 'MAPPING_REQUIRED');
    expect(e.messageIn('es')).toContain('--mapping');
  });

  it('throws MAPPING_INVALID listing the path of each bad field', async () => {
    const bad = {
      ...GENERIC,
      delimiter: ':',
      columns: { ...GENERIC.columns, occurredDateTime: 5 },
      offenseMap: { 'ROBO A PERSONA': 'robo' },
      statusMap: { INFUNDADO: 'closed' },
      sorpresa: true,
    };
    const file = await tmp.write('bad.json', JSON.stringify(bad));
    const e = await vigiaRejection(loadMapping('generic', file), 'MAPPING_INVALID');
    const detail = String(e.params.detail);
    expect(e.params.file).toBe(file);
    for (const path of [
      'delimiter',
      'columns.occurredDateTime',
      'offenseMap.ROBO A PERSONA',
      'statusMap.INFUNDADO',
    ])
      expect(detail).toContain(`${path}:`);
    expect(detail).toContain('sorpresa'); // unknown keys are refused (strict)
    expect(e.message).toContain(file);
  });

  it('throws MAPPING_INVALID for a time zone that is not IANA, and for broken JSON', async () => {
    const zone = await tmp.write('zone.json', JSON.stringify({ ...GENERIC, timeZone: 'CST' }));
    const ez = await vigiaRejection(loadMapping('generic', zone), 'MAPPING_INVALID');
    expect(String(ez.params.detail)).toContain('CST');
    const broken = await tmp.write('broken.json', '{"columns": {');
    await vigiaRejection(loadMapping('generic', broken), 'MAPPING_INVALID');
    const notObject = await tmp.write('array.json', '[1, 2]');
    await vigiaRejection(loadMapping('generic', notObject), 'MAPPING_INVALID');
    for (const text of ['null', '"columns"', '42']) {
      await vigiaRejection(loadMapping('generic', await tmp.write('scalar.json', text)), 'MAPPING_INVALID');
    }
  });

  it('throws FILE_NOT_FOUND for a missing mapping file', async () => {
    const e = await vigiaRejection(loadMapping('generic', await tmp.path('missing.json')), 'FILE_NOT_FOUND');
    expect(e.message).toContain('missing.json');
  });
});

describe('loadMapping: unknown profile', () => {
  it('throws UNKNOWN_PROFILE listing the available profiles', async () => {
    const e = await vigiaRejection(loadMapping('bogota'), 'UNKNOWN_PROFILE');
    expect(e.params.value).toBe('bogota');
    for (const name of PROFILE_NAMES) {
      expect(String(e.params.available)).toContain(name);
      expect(e.message).toContain(name);
    }
    expect(e.messageIn('es')).toContain('bogota');
  });

  it('checks the profile before reading any mapping file', async () => {
    await vigiaRejection(loadMapping('Houston', await tmp.path('missing.json')), 'UNKNOWN_PROFILE');
  });
});

describe('loadMapping: date formats', () => {
  it('refuses formats that cannot name a date, such as YYYY or a missing year', async () => {
    for (const formats of [
      { date: 'DD/MM/YYYY' },
      { date: 'dd/MM' },
      { dateTime: 'HH:mm' },
      { time: 'mm:ss' },
    ]) {
      const file = await tmp.write('bad-format.json', JSON.stringify({ ...GENERIC, formats }));
      const e = await vigiaRejection(loadMapping('generic', file), 'MAPPING_INVALID');
      expect(String(e.params.detail)).toContain('formats.');
    }
  });
});

describe('the documented example mapping', () => {
  it('docs/examples/mapping-example.json is a valid mapping', async () => {
    const file = fileURLToPath(new URL('../../../../docs/examples/mapping-example.json', import.meta.url));
    const m = await loadMapping('generic', file);
    expect(m.columns.offense).toEqual(['DELITO_1', 'DELITO_2']);
    expect(m.decimalSeparator).toBe(',');
  });
});
