import { readFile } from 'node:fs/promises';
import { VigiaError, isValidTimeZone } from '@vigia/domain';
import { dateFormatParts } from '../fields/date-format.js';
import { BUILTIN_PROFILES, PROFILE_NAMES } from './builtin-profiles.js';
import { mappingSchema, type ImportMapping } from './mapping.js';

function parseMapping(input: unknown, file: string): ImportMapping {
  const result = mappingSchema.safeParse(input);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new VigiaError('MAPPING_INVALID', { file, detail });
  }
  const m = result.data;
  const formatChecks: [keyof typeof m.formats, boolean][] = [
    ['dateTime', true],
    ['date', true],
    ['reportedDate', true],
    ['time', false],
  ];
  for (const [key, isDate] of formatChecks) {
    const fmt = m.formats[key];
    if (fmt === undefined) continue;
    const parts = dateFormatParts(fmt);
    if (isDate ? !(parts.year && parts.month && parts.day) : !parts.hour) {
      throw new VigiaError('MAPPING_INVALID', {
        file,
        detail: `formats.${key} "${fmt}" must contain ${isDate ? 'yyyy (or yy), MM (or M) and dd (or d)' : 'HH (or H)'}; tokens are case-sensitive (yyyy, not YYYY)`,
      });
    }
  }
  if (m.timeZone !== undefined && !isValidTimeZone(m.timeZone)) {
    throw new VigiaError('MAPPING_INVALID', { file, detail: `timeZone "${m.timeZone}" is not an IANA zone` });
  }
  return m;
}

/**
 * Resolves `--profile NAME [--mapping FILE]` to a validated mapping. For a built-in profile a mapping
 * file, when given, overrides its fields (e.g. another time zone; `columns`, `formats` and the label maps
 * merge key by key); for "generic" it is required.
 *
 * @throws VigiaError UNKNOWN_PROFILE; MAPPING_REQUIRED for generic without a file; MAPPING_INVALID (with the path of each bad field);
 *   FILE_NOT_FOUND when the mapping file is missing.
 */
export async function loadMapping(profile: string, mappingFile?: string): Promise<ImportMapping> {
  const builtin = BUILTIN_PROFILES[profile];
  if (!builtin && profile !== 'generic') {
    throw new VigiaError('UNKNOWN_PROFILE', { value: profile, available: PROFILE_NAMES.join(', ') });
  }
  let fromFile: Record<string, unknown> = {};
  if (mappingFile) {
    let text: string;
    try {
      text = await readFile(mappingFile, 'utf8');
    } catch (e) {
      throw new VigiaError('FILE_NOT_FOUND', { file: mappingFile }, { cause: e });
    }
    try {
      const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
      if (!isPlainObject(parsed))
        throw new SyntaxError('a mapping is a JSON object: { "columns": { ... }, ... }');
      fromFile = parsed;
    } catch (e) {
      throw new VigiaError(
        'MAPPING_INVALID',
        { file: mappingFile, detail: (e as Error).message },
        { cause: e },
      );
    }
  } else if (!builtin) {
    throw new VigiaError('MAPPING_REQUIRED');
  }
  return parseMapping(mergeMapping(builtin ?? {}, fromFile), mappingFile ?? profile);
}

/** Override merge: top-level fields replace; `columns`, `formats`, `offenseMap`, `statusMap` merge by key. */
function mergeMapping(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base, ...over };
  for (const key of ['columns', 'formats', 'offenseMap', 'statusMap']) {
    const a = base[key];
    const b = over[key];
    if (isPlainObject(a) && isPlainObject(b)) merged[key] = { ...a, ...b };
  }
  return merged;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
