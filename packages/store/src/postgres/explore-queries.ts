import type pg from 'pg';
import type { OffenseCategory, QuarantineReason } from '@vigia/domain';
import type { IncidentPointQuery, IncidentPoints } from '../port/store.js';
import type {
  DailyCount,
  DailyCountQuery,
  IncidentListItem,
  IncidentPage,
  IncidentQuery,
  QualityFigures,
} from '../port/explore.js';
import { incidentPointsSql } from '../duckdb/incident-points.js';
import { selectionWhere, type Value } from '../duckdb/explore-queries.js';

type Row = Record<string, unknown>;

/*
 * The dashboard's read queries on PostgreSQL: the same results as the DuckDB adapter's
 * explore-queries.ts (the contract tests hold both to it), sharing its selectionWhere, in PostgreSQL's
 * dialect for the rest (to_char for dates, string_to_array).
 */
/** See Store.listIncidents. */
export async function listIncidentsPg(
  pool: pg.Pool,
  agencyId: number,
  q: IncidentQuery,
): Promise<IncidentPage> {
  const params: Value[] = [];
  const where = selectionWhere(agencyId, q, 'i.occurred_date', params);
  let bboxWhere = 'TRUE';
  if (q.bbox) {
    const [w, s, e, n] = q.bbox.map(Number);
    bboxWhere = `i.lon BETWEEN ${w} AND ${e} AND i.lat BETWEEN ${s} AND ${n}`;
  }
  const totals = (
    await pool.query<Row>(
      `SELECT count(*) FILTER (WHERE ${bboxWhere}) AS matched,
              count(*) FILTER (WHERE i.lon IS NULL OR i.lat IS NULL) AS without_location
       FROM incident i WHERE ${where}`,
      params,
    )
  ).rows[0];
  const page = await pool.query<Row>(
    `SELECT i.source, i.source_id, (extract(epoch FROM i.occurred_at) * 1000)::float8 AS at_ms,
            to_char(i.occurred_local, 'YYYY-MM-DD"T"HH24:MI:SS') AS local,
            to_char(i.reported_date, 'YYYY-MM-DD') AS reported, i.category, i.offense_labels, i.status,
            i.unit_id, i.lon, i.lat, i.location_flag
     FROM incident i WHERE ${where} AND ${bboxWhere}
     ORDER BY i.occurred_at, i.source, i.source_id
     LIMIT ${Math.trunc(q.limit)} OFFSET ${Math.trunc(q.offset)}`,
    params,
  );
  return {
    matched: Number(totals?.['matched'] ?? 0),
    withoutLocation: Number(totals?.['without_location'] ?? 0),
    items: page.rows.map((r): IncidentListItem => ({
      source: String(r['source']),
      sourceId: String(r['source_id']),
      occurredAt: new Date(Number(r['at_ms'])).toISOString(),
      occurredLocal: String(r['local']),
      reportedDate: (r['reported'] as string | null) ?? null,
      category: r['category'] as OffenseCategory,
      offenseLabels: (r['offense_labels'] as string[]).filter((l) => l.length > 0),
      status: r['status'] as IncidentListItem['status'],
      unitId: r['unit_id'] === null ? null : Number(r['unit_id']),
      lon: r['lon'] === null ? null : Number(r['lon']),
      lat: r['lat'] === null ? null : Number(r['lat']),
      locationFlag: r['location_flag'] as IncidentListItem['locationFlag'],
    })),
  };
}

/** See Store.dailyCounts. */
export async function dailyCountsPg(
  pool: pg.Pool,
  agencyId: number,
  q: DailyCountQuery,
): Promise<DailyCount[]> {
  const params: Value[] = [];
  const dateCol = q.dateBasis === 'reported' ? 'i.reported_date' : 'i.occurred_date';
  const base = selectionWhere(
    agencyId,
    { ...q, category: q.countEveryOffense ? undefined : q.category },
    dateCol,
    params,
  );
  let sql: string;
  if (q.countEveryOffense) {
    params.push(q.category ?? null);
    const c = `$${params.length}::text`;
    sql = `SELECT to_char(d, 'YYYY-MM-DD') AS day, count(*) AS n FROM (
             SELECT ${dateCol} AS d, unnest(i.offense_categories) AS category FROM incident i WHERE ${base}
           ) x WHERE ${c} IS NULL OR category = ${c} GROUP BY d ORDER BY d`;
  } else {
    sql = `SELECT to_char(${dateCol}, 'YYYY-MM-DD') AS day, count(*) AS n FROM incident i WHERE ${base}
           GROUP BY ${dateCol} ORDER BY ${dateCol}`;
  }
  return (await pool.query<Row>(sql, params)).rows.map((r) => ({
    date: String(r['day']),
    count: Number(r['n']),
  }));
}

/** See Store.qualityFigures. */
export async function qualityFiguresPg(pool: pg.Pool, agencyId: number): Promise<QualityFigures> {
  const f = (
    await pool.query<Row>(
      `SELECT count(*) AS incidents,
              count(*) FILTER (WHERE location_flag = 'ok') AS located,
              count(*) FILTER (WHERE location_flag = 'no_location') AS no_location,
              count(*) FILTER (WHERE location_flag = 'outside_jurisdiction') AS outside,
              count(*) FILTER (WHERE unit_disagrees) AS disagree,
              count(*) FILTER (WHERE status = 'unfounded') AS unfounded
       FROM incident WHERE agency_id = ${agencyId} AND is_current`,
    )
  ).rows[0];
  const labels = await pool.query<Row>(
    `SELECT label, count(*) AS n FROM (
       SELECT unnest(offense_labels) AS label, unnest(offense_categories) AS category
       FROM incident WHERE agency_id = ${agencyId} AND is_current
     ) x WHERE category = 'unclassified' GROUP BY label ORDER BY n DESC, label COLLATE "C" LIMIT 100`,
  );
  const reasons = await pool.query<Row>(
    `SELECT reason, count(*) AS n FROM (
       SELECT unnest(string_to_array(reasons, ',')) AS reason FROM quarantine
       WHERE agency_id = ${agencyId} AND status = 'open'
     ) x GROUP BY reason ORDER BY n DESC, reason COLLATE "C"`,
  );
  const quarantined = (
    await pool.query<Row>(
      `SELECT count(*) AS n FROM quarantine WHERE agency_id = ${agencyId} AND status = 'open'`,
    )
  ).rows[0];
  const n = (k: string) => Number(f?.[k] ?? 0);
  return {
    incidents: n('incidents'),
    located: n('located'),
    noLocation: n('no_location'),
    outsideJurisdiction: n('outside'),
    unitDisagreements: n('disagree'),
    unfounded: n('unfounded'),
    unclassifiedLabels: labels.rows.map((r) => ({ label: String(r['label']), count: Number(r['n']) })),
    quarantineByReason: reasons.rows.map((r) => ({
      reason: r['reason'] as QuarantineReason,
      count: Number(r['n']),
    })),
    quarantinedRows: Number(quarantined?.['n'] ?? 0),
  };
}

/** See Store.listIncidentPoints (the SQL is shared with DuckDB). */
export async function listIncidentPointsPg(
  pool: pg.Pool,
  agencyId: number,
  q: IncidentPointQuery,
): Promise<IncidentPoints> {
  const { sql, params } = incidentPointsSql(agencyId, q);
  const rows = (await pool.query<Row>(sql, params)).rows;
  const lon = Float64Array.from(rows, (r) => (r['lon'] === null ? NaN : Number(r['lon'])));
  const lat = Float64Array.from(rows, (r) => (r['lat'] === null ? NaN : Number(r['lat'])));
  const day = Int32Array.from(rows, (r) => Number(r['day']));
  return { lon, lat, day };
}
