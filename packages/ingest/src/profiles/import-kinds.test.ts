import { describe, expect, it } from 'vitest';
import { isVigiaError, type VigiaError } from '@vigia/domain';
import { sharedPath } from '../../../../test/shared-reference.js';
import { compileCallRowMapper } from '../calls/call-row-mapper.js';
import { BUILTIN_CALL_PROFILES } from '../calls/call-profiles.js';
import { loadCallMapping } from '../calls/load-call-mapping.js';
import { openRowSource } from '../readers/open-row-source.js';
import { compileRowMapper } from '../rows/row-mapper.js';
import { BUILTIN_PROFILES } from './builtin-profiles.js';
import { builtinProfileFitting, profileNamesOf, type ImportKind } from './import-kinds.js';
import { loadMapping } from './load-mapping.js';

/** The real exports in ../shared/data and the built-in profile made for each. */
const EXPORTS: { kind: ImportKind; profile: string; file: string }[] = [
  { kind: 'incidents', profile: 'chicago-code', file: 'data/chicago/aggravated_assaults_2010_2019.csv' },
  { kind: 'incidents', profile: 'houston', file: 'data/houston/crime_2010_jan_aug.csv' },
  { kind: 'incidents', profile: 'medellin', file: 'data/medellin/homicides.csv' },
  { kind: 'incidents', profile: 'nyc-homicides', file: 'data/nyc/homicides_2016_2018.csv' },
  {
    kind: 'calls',
    profile: 'seattle-cad',
    file: 'data/seattle_calls/calls_east_precinct_sector_C_beat_C3_sample_2018_2023.csv',
  },
  { kind: 'calls', profile: 'sacramento-cad', file: 'data/sacramento_cfs/dispatch_2019_01.csv' },
];

const options = { file: 'export.csv', agencyTimeZone: 'America/Panama', nowMs: Date.UTC(2026, 0, 1) };

/** The header of a shared export, read with its own profile's delimiter and encoding. */
async function headerOf(e: (typeof EXPORTS)[number]): Promise<string[]> {
  const m = e.kind === 'calls' ? await loadCallMapping(e.profile) : await loadMapping(e.profile);
  return (await openRowSource(sharedPath(e.file), m)).header;
}

/** What compiling `profile` of `kind` against `header` throws (undefined when it compiles). */
async function compileError(header: string[], kind: ImportKind, profile: string): Promise<Error | undefined> {
  try {
    if (kind === 'calls') compileCallRowMapper(await loadCallMapping(profile), header, options);
    else compileRowMapper(await loadMapping(profile), header, options);
  } catch (e) {
    return e as Error;
  }
  return undefined;
}

describe('profileNamesOf', () => {
  it('lists the built-ins of each kind, then generic', () => {
    expect(profileNamesOf('incidents')).toEqual([...Object.keys(BUILTIN_PROFILES), 'generic']);
    expect(profileNamesOf('calls')).toEqual([...Object.keys(BUILTIN_CALL_PROFILES), 'generic']);
  });
});

describe.each(EXPORTS)('the real $profile export ($kind)', (e) => {
  it('fits its own profile and compiles with it', async () => {
    const header = await headerOf(e);
    expect(builtinProfileFitting(header, e.kind)).toBe(e.profile);
    expect(await compileError(header, e.kind, e.profile)).toBeUndefined();
  });

  it('imported as the other kind: FILE_IS_CALLS / FILE_IS_INCIDENTS naming its file, the column and its profile', async () => {
    const header = await headerOf(e);
    const other: ImportKind = e.kind === 'calls' ? 'incidents' : 'calls';
    const code = e.kind === 'calls' ? 'FILE_IS_CALLS' : 'FILE_IS_INCIDENTS';
    for (const wrong of profileNamesOf(other).filter((p) => p !== 'generic')) {
      const error = await compileError(header, other, wrong);
      expect(isVigiaError(error, code), `${wrong}: ${error?.message}`).toBe(true);
      const params = (error as VigiaError).params;
      expect(params).toMatchObject({ file: 'export.csv', profile: wrong, fit: e.profile });
      // The column named is one the wrong profile reads and the file lacks.
      const have = header.map((h) => h.trim().toLowerCase());
      expect(have).not.toContain(String(params['column']).toLowerCase());
      expect((error as VigiaError).messageIn('en')).toContain(`--profile ${e.profile}`);
      expect((error as VigiaError).messageIn('es')).toContain(`--profile ${e.profile}`);
    }
  });

  it('with another profile of its own kind: HEADER_MISSING_COLUMN, saying what to do', async () => {
    const header = await headerOf(e);
    let refused = 0;
    for (const wrong of profileNamesOf(e.kind).filter((p) => p !== 'generic' && p !== e.profile)) {
      const error = await compileError(header, e.kind, wrong);
      // Some exports share every column another profile reads (then it compiles, and rows decide).
      if (error === undefined) continue;
      refused++;
      expect(isVigiaError(error, 'HEADER_MISSING_COLUMN'), `${wrong}: ${error?.message}`).toBe(true);
      expect((error as VigiaError).messageIn('en')).toContain('generic profile with a mapping file');
      expect((error as VigiaError).messageIn('es')).toContain('perfil generic con un archivo de mapeo');
    }
    expect(refused).toBeGreaterThan(0);
  });
});

describe('builtinProfileFitting', () => {
  it('compares names ignoring case and surrounding spaces, and needs every column', () => {
    const seattle = Object.values(BUILTIN_CALL_PROFILES['seattle-cad']!.columns).filter(
      (c): c is string => c !== undefined,
    );
    expect(
      builtinProfileFitting(
        seattle.map((c) => ` ${c.toUpperCase()} `),
        'calls',
      ),
    ).toBe('seattle-cad');
    expect(builtinProfileFitting(seattle.slice(1), 'calls')).toBeNull();
    expect(builtinProfileFitting(seattle, 'incidents')).toBeNull();
  });
});
