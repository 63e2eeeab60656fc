import type { DuckDBConnection } from '@duckdb/node-api';
import type { IncidentPointQuery, IncidentPoints } from '../port/store.js';

/**
 * SQL of Store.listIncidentPoints, in the SQL DuckDB and PostgreSQL share: current, founded incidents
 * whose local occurrence date is in [from, to], optionally in a unit's subtree (through unit_ancestor)
 * and of one category (the most serious offense, as the COMPSTAT count).
 */
export function incidentPointsSql(
  agencyId: number,
  q: IncidentPointQuery,
): { sql: string; params: (string | number)[] } {
  const params: (string | number)[] = [q.from, q.to];
  let where = '';
  if (q.unitId !== null) {
    params.push(q.unitId);
    where += ` AND i.unit_id IN (SELECT a.unit_id FROM unit_ancestor a WHERE a.agency_id = ${agencyId} AND a.ancestor_id = $${params.length})`;
  }
  if (q.category !== null) {
    params.push(q.category);
    where += ` AND i.category = $${params.length}`;
  }
  const sql = `
    SELECT i.lon, i.lat, CAST(i.occurred_date - DATE '1970-01-01' AS INTEGER) AS day
    FROM incident i
    WHERE i.agency_id = ${agencyId} AND i.is_current AND i.status <> 'unfounded'
      AND i.occurred_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)${where}`;
  return { sql, params };
}

/** Runs {@link incidentPointsSql} and returns the columns (NaN for a missing coordinate). */
export async function listIncidentPoints(
  db: DuckDBConnection,
  agencyId: number,
  q: IncidentPointQuery,
): Promise<IncidentPoints> {
  const { sql, params } = incidentPointsSql(agencyId, q);
  const reader = await db.runAndReadAll(sql, params);
  const cols = reader.getColumns();
  const lon = Float64Array.from(cols[0] ?? [], (v) => (v === null ? NaN : Number(v)));
  const lat = Float64Array.from(cols[1] ?? [], (v) => (v === null ? NaN : Number(v)));
  const day = Int32Array.from(cols[2] ?? [], (v) => Number(v));
  return { lon, lat, day };
}
