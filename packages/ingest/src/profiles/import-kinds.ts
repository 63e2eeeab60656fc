import { BUILTIN_CALL_PROFILES, CALL_PROFILE_NAMES } from '../calls/call-profiles.js';
import { BUILTIN_PROFILES, PROFILE_NAMES } from './builtin-profiles.js';

/** What an export holds: incidents (RMS, `vigia import incidents`) or calls for service (CAD, `import calls`). */
export const IMPORT_KINDS = ['incidents', 'calls'] as const;

/** One {@link IMPORT_KINDS} value. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Profile names an import of `kind` accepts: its built-ins, then "generic" (which needs a mapping). */
export function profileNamesOf(kind: ImportKind): readonly string[] {
  return kind === 'calls' ? CALL_PROFILE_NAMES : PROFILE_NAMES;
}

/** Every column a built-in mapping reads: its `columns` values and the columns of its yes/no flags. */
function columnsOf(mapping: {
  columns: Record<string, string | string[] | undefined>;
  officerInitiated?: { column: string } | undefined;
  arrest?: { column: string } | undefined;
}): string[] {
  const named = Object.values(mapping.columns).flatMap((c) => (c === undefined ? [] : c));
  for (const flag of [mapping.officerInitiated, mapping.arrest]) if (flag) named.push(flag.column);
  return named;
}

const BUILTINS: readonly { kind: ImportKind; profile: string; columns: string[] }[] = [
  ...Object.entries(BUILTIN_PROFILES).map(([profile, m]) => ({
    kind: 'incidents' as const,
    profile,
    columns: columnsOf(m),
  })),
  ...Object.entries(BUILTIN_CALL_PROFILES).map(([profile, m]) => ({
    kind: 'calls' as const,
    profile,
    columns: columnsOf(m),
  })),
];

/**
 * The first built-in profile of `kind` whose every column is in `header` (names compared as the row
 * mappers do: ignoring case and surrounding spaces), or null. Tells a CAD export chosen as incidents
 * (or the reverse) from a file that simply lacks a column, so the error can say what to do.
 */
export function builtinProfileFitting(header: readonly string[], kind: ImportKind): string | null {
  const have = new Set(header.map((h) => h.trim().toLowerCase()));
  const fit = BUILTINS.find(
    (b) => b.kind === kind && b.columns.every((c) => have.has(c.trim().toLowerCase())),
  );
  return fit?.profile ?? null;
}
