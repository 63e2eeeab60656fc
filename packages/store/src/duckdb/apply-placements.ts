import type { DuckDBConnection } from '@duckdb/node-api';
import { sameId } from './source-key.js';
import { INCIDENT_TABLE } from './incident-numeric-ids.js';

const AGENCY = 1;

/** The placement columns of an incident (derived data: see {@link applyPlacements}). */
export const PLACEMENT_COLUMNS = [
  'unit_id',
  'polygon_unit_id',
  'source_unit_id',
  'location_flag',
  'unit_disagrees',
] as const;

/** Placement columns that are never NULL (compared with `<>`; the others with IS DISTINCT FROM). */
const NOT_NULL: ReadonlySet<string> = new Set(['location_flag', 'unit_disagrees']);

/**
 * The condition "placement `a` differs from placement `b`", where `a(column)` and `b(column)` give the
 * SQL of each side's placement column (e.g. `(c) => \`i.${c}\``).
 */
export function placementDiffers(a: (column: string) => string, b: (column: string) => string): string {
  return PLACEMENT_COLUMNS.map((c) => `${a(c)} ${NOT_NULL.has(c) ? '<>' : 'IS DISTINCT FROM'} ${b(c)}`).join(
    ' OR ',
  );
}

/**
 * Copies placement (unit, polygon unit, source unit, location flag, disagreement) from `table` (alias
 * `k`, one row per source id, given by columns source_key, id_hash and id_n: see source-key.ts) onto
 * the current incidents of `source` where it differs, and returns how many incidents changed.
 * Placement is derived data, so this is an update in place, never a new version. Used by the import
 * merge (unchanged records placed anew) and by re-placement after unit imports. Call inside a
 * transaction. `condition` narrows the rows of `table` further (SQL on alias `k`).
 */
export async function applyPlacements(
  connection: DuckDBConnection,
  table: string,
  source: string,
  condition = 'true',
): Promise<number> {
  const where = `i.agency_id = ${AGENCY} AND i.source = $1 AND i.is_current
    AND ${sameId('i', 'k')} AND (${condition})
    AND (${placementDiffers(
      (c) => `i.${c}`,
      (c) => `k.${c}`,
    )})`;
  const rows = (
    await connection.runAndReadAll(`SELECT count(*) FROM ${INCIDENT_TABLE} i, ${table} k WHERE ${where}`, [
      source,
    ])
  ).getRows();
  const changed = Number(rows[0]?.[0] ?? 0);
  if (changed > 0) {
    await connection.run(
      `UPDATE ${INCIDENT_TABLE} AS i SET unit_id = k.unit_id, polygon_unit_id = k.polygon_unit_id,
         source_unit_id = k.source_unit_id, location_flag = k.location_flag, unit_disagrees = k.unit_disagrees
       FROM ${table} k WHERE ${where}`,
      [source],
    );
  }
  return changed;
}
