import { UNKNOWN_ACTOR, type AuditEntry, type ReplaceAudit, type UnitImportAudit } from '../port/audit.js';
import type { AgencyChanges, AgencyRecord, BackupInfo, ImportMeta } from '../port/store.js';

/**
 * The audit rows the stores write inside their own transactions, built here once so that the DuckDB
 * and PostgreSQL adapters record exactly the same thing (docs/audit.md lists every action). Values are
 * small JSON objects: counts and names, never the rows themselves.
 */

/** Counts common to incident and call imports. */
interface ImportOutcome {
  stored: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

/**
 * `import.incidents` / `import.calls` on `import:<id>`: file, profile, source and the reconciled
 * counts (`read` = stored + updated + unchanged + quarantined), plus any kind-specific counts in `extra`.
 */
export function importEntry(
  kind: 'incidents' | 'calls',
  importId: number,
  meta: ImportMeta,
  counts: ImportOutcome,
  extra: Record<string, number> = {},
): AuditEntry {
  const { stored, updated, unchanged, quarantined } = counts;
  return {
    actor: meta.actor ?? UNKNOWN_ACTOR,
    action: `import.${kind}`,
    target: `import:${importId}`,
    before: null,
    after: {
      file: meta.file,
      profile: meta.profile,
      source: meta.source,
      read: stored + updated + unchanged + quarantined,
      stored,
      updated,
      unchanged,
      quarantined,
      ...extra,
    },
  };
}

/** `agency.create` on `agency`: the settings it was created with. */
export function agencyCreateEntry(agency: AgencyRecord, actor: string | undefined): AuditEntry {
  const { name, country, timeZone, locale, version } = agency;
  return {
    actor: actor ?? UNKNOWN_ACTOR,
    action: 'agency.create',
    target: 'agency',
    before: null,
    after: { name, country, timeZone, locale, version },
  };
}

/**
 * `agency.update` on `agency`: before and after of the fields whose value changed (a field sent with
 * its current value is not a change), and the version read and written.
 */
export function agencyUpdateEntry(
  previous: AgencyRecord,
  saved: AgencyRecord,
  changes: AgencyChanges,
  actor: string | undefined,
): AuditEntry {
  const before: Record<string, unknown> = { version: previous.version };
  const after: Record<string, unknown> = { version: saved.version };
  for (const key of ['name', 'country', 'locale'] as const) {
    if (changes[key] !== undefined && previous[key] !== saved[key]) {
      before[key] = previous[key];
      after[key] = saved[key];
    }
  }
  return { actor: actor ?? UNKNOWN_ACTOR, action: 'agency.update', target: 'agency', before, after };
}

/**
 * `units.import` on `level:<level>`: the level, its parent level, how many units were created and
 * updated, and the file. (Incidents placed again afterwards are recorded as `incidents.replace`.)
 */
export function unitsImportEntry(
  level: string,
  parentLevel: string | null,
  outcome: { created: number; updated: number },
  audit: UnitImportAudit | undefined,
): AuditEntry {
  return {
    actor: audit?.actor ?? UNKNOWN_ACTOR,
    action: 'units.import',
    target: `level:${level}`,
    before: null,
    after: {
      level,
      parentLevel,
      created: outcome.created,
      updated: outcome.updated,
      ...(audit?.file !== undefined ? { file: audit.file } : {}),
    },
  };
}

/** `incidents.replace` on `source:<source>`: how many current incidents changed unit or flag, and why. */
export function replaceEntry(source: string, changed: number, audit: ReplaceAudit | undefined): AuditEntry {
  return {
    actor: audit?.actor ?? UNKNOWN_ACTOR,
    action: 'incidents.replace',
    target: `source:${source}`,
    before: null,
    after: { source, changed, cause: audit?.cause ?? 'unknown' },
  };
}

/** The chain head a restore replaced or brought in (null for an empty log). */
export type HeadRef = { seq: number; hash: string } | null;

/**
 * `store.restore` on `backup:<file name>`: the head of the log the restore replaced (`before`; its rows
 * are gone, so this row is what is left of them), the backup file and its rows per table. The row is
 * chained after the restored log's head, so its `prevHash` names that head.
 */
export function restoreEntry(info: BackupInfo, replacedHead: HeadRef, actor: string | undefined): AuditEntry {
  const name = info.file.split(/[\\/]/).pop() ?? info.file;
  return {
    actor: actor ?? UNKNOWN_ACTOR,
    action: 'store.restore',
    target: `backup:${name}`,
    before: { head: replacedHead },
    after: { file: info.file, schemaVersion: info.schemaVersion, tables: info.tables },
  };
}
