import type { CountQuery } from '../port/store.js';

/**
 * SQL of the COMPSTAT count: one pass over current, founded incidents in the date span of all windows,
 * counting each window with a FILTER clause, then rolled up through unit_ancestor (every unit counts its
 * subtree) plus an agency-wide row (unit NULL) that also holds incidents in no unit.
 * Written in the SQL that DuckDB and PostgreSQL share.
 */
export function countIncidentsSql(agencyId: number, q: CountQuery): { sql: string; params: string[] } {
  const dateCol = q.dateBasis === 'reported' ? 'i.reported_date' : 'i.occurred_date';
  const params: string[] = [];
  const p = (v: string): string => {
    params.push(v);
    return `CAST($${params.length} AS DATE)`;
  };
  const windows = q.windows.map((w) => ({ start: p(w.start), end: p(w.end) }));
  const minStart = p(q.windows.map((w) => w.start).sort()[0] ?? '1970-01-01');
  const maxEnd = p(
    q.windows
      .map((w) => w.end)
      .sort()
      .at(-1) ?? '1970-01-01',
  );
  const cat = q.countEveryOffense ? 'unnest(i.offense_categories)' : 'i.category';
  const filters = windows.map((w, k) => `count(*) FILTER (WHERE d BETWEEN ${w.start} AND ${w.end}) AS w${k}`);
  const sums = windows.map((_, k) => `sum(w${k})`);
  const sql = `
    WITH inc AS (
      SELECT i.unit_id, ${cat} AS category, ${dateCol} AS d
      FROM incident i
      WHERE i.agency_id = ${agencyId} AND i.is_current AND i.status <> 'unfounded'
        AND ${dateCol} BETWEEN ${minStart} AND ${maxEnd}
    ),
    per_unit AS (
      SELECT unit_id, category, ${filters.join(', ')} FROM inc GROUP BY unit_id, category
    )
    SELECT a.ancestor_id AS unit_id, f.category, ${sums.join(', ')}
    FROM per_unit f JOIN unit_ancestor a ON a.agency_id = ${agencyId} AND a.unit_id = f.unit_id
    GROUP BY a.ancestor_id, f.category
    UNION ALL
    SELECT NULL, category, ${sums.join(', ')} FROM per_unit GROUP BY category`;
  return { sql, params };
}
