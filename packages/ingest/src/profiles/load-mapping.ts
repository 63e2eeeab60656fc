import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { VigiaError, isValidTimeZone } from '@vigia/domain';
import { dateFormatParts } from '../fields/date-format.js';
import { BUILTIN_PROFILES, PROFILE_NAMES } from './builtin-profiles.js';
import { mappingSchema, type ImportMapping } from './mapping.js';

function parseMapping(input: unknown, file: string): ImportMapping {
  const m = parseWithSchema(mappingSchema, input, file);
  checkDateFormats(m.formats, file, { dateTime: 'date', date: 'date', reportedDate: 'date', time: 'time' });
  checkTimeZone(m.timeZone, file);
  return m;
}

/**
 * Validates a mapping object with a zod schema.
 * @throws VigiaError MAPPING_INVALID naming the path of each bad field.
 */
export function parseWithSchema<S extends z.ZodType>(schema: S, input: unknown, file: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new VigiaError('MAPPING_INVALID', { file, detail });
  }
  return result.data;
}

/**
 * Checks that each date format reads a whole date (`date`) or a clock time (`time`).
 * @throws VigiaError MAPPING_INVALID naming the format.
 */
export function checkDateFormats(
  formats: Record<string, string | undefined>,
  file: string,
  kinds: Record<string, 'date' | 'time'>,
): void {
  for (const [key, kind] of Object.entries(kinds)) {
    const fmt = formats[key];
    if (fmt === undefined) continue;
    const parts = dateFormatParts(fmt);
    const isDate = kind === 'date';
    if (isDate ? !(parts.year && parts.month && parts.day) : !parts.hour) {
      throw new VigiaError('MAPPING_INVALID', {
        file,
        detail: `formats.${key} "${fmt}" must contain ${isDate ? 'yyyy (or yy), MM (or M) and dd (or d)' : 'HH (or H, or h with a)'}; tokens are case-sensitive (yyyy, not YYYY)`,
      });
    }
  }
}

/** @throws VigiaError MAPPING_INVALID when `timeZone` is given and is not an IANA zone. */
export function checkTimeZone(timeZone: string | undefined, file: string): void {
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    throw new VigiaError('MAPPING_INVALID', { file, detail: `timeZone "${timeZone}" is not an IANA zone` });
  }
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
  const { input, label } = await resolveProfile(profile, mappingFile, BUILTIN_PROFILES, PROFILE_NAMES);
  return parseMapping(input, label);
}

/**
 * The mapping object of `--profile NAME [--mapping FILE]` before validation: the built-in profile,
 * overridden field by field by the file (see {@link loadMapping}), and the name to show in errors.
 * Shared by incident and call imports.
 *
 * @throws VigiaError UNKNOWN_PROFILE, MAPPING_REQUIRED (generic without a file), MAPPING_INVALID (not
 *   JSON), FILE_NOT_FOUND.
 */
export async function resolveProfile(
  profile: string,
  mappingFile: string | undefined,
  builtins: Record<string, object>,
  names: readonly string[],
): Promise<{ input: Record<string, unknown>; label: string }> {
  const builtin = builtins[profile] as Record<string, unknown> | undefined;
  if (!builtin && profile !== 'generic') {
    throw new VigiaError('UNKNOWN_PROFILE', { value: profile, available: names.join(', ') });
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
  return { input: mergeMapping(builtin ?? {}, fromFile), label: mappingFile ?? profile };
}

/**
 * Override merge: top-level fields replace; `columns`, `formats`, `offenseMap`, `statusMap`,
 * `officerInitiated` and `arrest` merge by key.
 */
function mergeMapping(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base, ...over };
  for (const key of ['columns', 'formats', 'offenseMap', 'statusMap', 'officerInitiated', 'arrest']) {
    const a = base[key];
    const b = over[key];
    if (isPlainObject(a) && isPlainObject(b)) merged[key] = { ...a, ...b };
  }
  return merged;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
