import type pg from 'pg';

const AGENCY = 1;

/**
 * Copies placement (unit, polygon unit, source unit, location flag, disagreement) from `table` (alias
 * `k`, one row per source id) onto the current incidents of `source` where it differs, and returns how
 * many incidents changed. Placement is derived data: an update in place, never a new version.
 * The PostgreSQL twin of duckdb/apply-placements.ts. Call inside a transaction; `condition` narrows the
 * rows of `table` (SQL on alias `k`).
 */
export async function applyPlacementsPg(
  client: pg.PoolClient,
  table: string,
  source: string,
  condition = 'true',
): Promise<number> {
  const r = await client.query(
    `UPDATE incident SET unit_id = k.unit_id, polygon_unit_id = k.polygon_unit_id,
       source_unit_id = k.source_unit_id, location_flag = k.location_flag, unit_disagrees = k.unit_disagrees
     FROM ${table} k
     WHERE incident.agency_id = ${AGENCY} AND incident.source = $1 AND incident.is_current
       AND incident.source_id = k.source_id AND (${condition})
       AND (incident.unit_id IS DISTINCT FROM k.unit_id OR incident.polygon_unit_id IS DISTINCT FROM k.polygon_unit_id
            OR incident.source_unit_id IS DISTINCT FROM k.source_unit_id OR incident.location_flag <> k.location_flag
            OR incident.unit_disagrees <> k.unit_disagrees)`,
    [source],
  );
  return r.rowCount ?? 0;
}
