import {
  checkDateFormats,
  checkTimeZone,
  parseWithSchema,
  resolveProfile,
} from '../profiles/load-mapping.js';
import { callMappingSchema, type CallMapping } from './call-mapping.js';
import { BUILTIN_CALL_PROFILES, CALL_PROFILE_NAMES } from './call-profiles.js';

/**
 * Resolves `import calls --profile NAME [--mapping FILE]` to a validated call mapping, the same way as
 * incident profiles: a file overrides a built-in profile field by field, and is required for "generic".
 *
 * @throws VigiaError UNKNOWN_PROFILE, MAPPING_REQUIRED, MAPPING_INVALID (with the path of each bad field),
 *   FILE_NOT_FOUND.
 */
export async function loadCallMapping(profile: string, mappingFile?: string): Promise<CallMapping> {
  const { input, label } = await resolveProfile(
    profile,
    mappingFile,
    BUILTIN_CALL_PROFILES,
    CALL_PROFILE_NAMES,
  );
  const m = parseWithSchema(callMappingSchema, input, label);
  checkDateFormats(m.formats, label, { dateTime: 'date' });
  checkTimeZone(m.timeZone, label);
  return m;
}
