import type { OffenseCategory } from '@vigia/domain';
import type { CountQuery, CountRow } from '../port/store.js';

/**
 * What a count query counts per window: `incidents` one number (current, founded incidents), or
 * `arrests` two (those whose source carries an arrest flag, then those it flags as cleared by arrest).
 */
export type CountMeasure = 'incidents' | 'arrests';

/**
 * SQL of the COMPSTAT count: one pass over current, founded incidents in the date span of all windows,
 * counting each window with a FILTER clause, then rolled up through unit_ancestor (every unit counts its
 * subtree) plus an agency-wide row (unit NULL) that also holds incidents in no unit. The `arrests`
 * measure reads only incidents with a known arrest flag (PostgreSQL: index-only through
 * incident_report_arrest). Written in the SQL that DuckDB and PostgreSQL share.
 */
export function countIncidentsSql(
  agencyId: number,
  q: CountQuery,
  measure: CountMeasure = 'incidents',
): { sql: string; params: string[] } {
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
  const arrests = measure === 'arrests';
  const filters = windows.flatMap((w, k) => {
    const inWindow = `d BETWEEN ${w.start} AND ${w.end}`;
    return arrests
      ? [
          `count(*) FILTER (WHERE ${inWindow}) AS w${k}`,
          `count(*) FILTER (WHERE ${inWindow} AND arrest) AS a${k}`,
        ]
      : [`count(*) FILTER (WHERE ${inWindow}) AS w${k}`];
  });
  const sums = windows.flatMap((_, k) => (arrests ? [`sum(w${k})`, `sum(a${k})`] : [`sum(w${k})`]));
  const sql = `
    WITH inc AS (
      SELECT i.unit_id, ${cat} AS category, ${dateCol} AS d${arrests ? ', i.arrest' : ''}
      FROM incident i
      WHERE i.agency_id = ${agencyId} AND i.is_current AND i.status <> 'unfounded'
        AND ${dateCol} BETWEEN ${minStart} AND ${maxEnd}${arrests ? ' AND i.arrest IS NOT NULL' : ''}
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

/** The rows of a {@link countIncidentsSql} query (unit id, category, counts) as {@link CountRow}s. */
export function countRows(rows: readonly unknown[][]): CountRow[] {
  return rows.map((r) => ({
    unitId: r[0] === null ? null : Number(r[0]),
    category: String(r[1]) as OffenseCategory,
    counts: r.slice(2).map((v) => Number(v ?? 0)),
  }));
}
