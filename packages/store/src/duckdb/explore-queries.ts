import type { OffenseCategory, QuarantineReason } from '@vigia/domain';
import type {
  DailyCount,
  DailyCountQuery,
  IncidentPage,
  IncidentQuery,
  QualityFigures,
} from '../port/explore.js';

/** A query parameter value. */
export type Value = string | number | boolean | null;
/** Runs one parameterised query and returns its rows (the adapter's connection). */
export type RunRows = (sql: string, params?: Value[]) => Promise<unknown[][]>;

const SEP = '\u001f';

/**
 * WHERE clause of the incident listing and daily counts on both stores (the SQL DuckDB and PostgreSQL
 * share, with typed parameters): current, founded, in the date span, optionally a unit's subtree and a
 * category. Appends its parameters to `params`.
 */
export function selectionWhere(
  agencyId: number,
  q: { from: string; to: string; unitId?: number | undefined; category?: OffenseCategory | undefined },
  dateCol: string,
  params: Value[],
): string {
  const p = (v: Value, type: string): string => {
    params.push(v);
    return `$${params.length}::${type}`;
  };
  const parts = [
    `i.agency_id = ${agencyId}`,
    'i.is_current',
    `i.status <> 'unfounded'`,
    `${dateCol} BETWEEN ${p(q.from, 'date')} AND ${p(q.to, 'date')}`,
  ];
  if (q.unitId !== undefined) {
    parts.push(
      `i.unit_id IN (SELECT unit_id FROM unit_ancestor WHERE agency_id = ${agencyId} AND ancestor_id = ${p(q.unitId, 'integer')})`,
    );
  }
  if (q.category !== undefined) parts.push(`i.category = ${p(q.category, 'varchar')}`);
  return parts.join(' AND ');
}

/** A page of current, founded incidents in occurrence order, with the selection's totals. */
export async function listIncidentsQuery(
  rows: RunRows,
  agencyId: number,
  q: IncidentQuery,
): Promise<IncidentPage> {
  const params: Value[] = [];
  const where = selectionWhere(agencyId, q, 'i.occurred_date', params);
  let bboxWhere = 'TRUE';
  if (q.bbox) {
    const [w, s, e, n] = q.bbox;
    bboxWhere = `i.lon BETWEEN ${Number(w)} AND ${Number(e)} AND i.lat BETWEEN ${Number(s)} AND ${Number(n)}`;
  }
  const totals = (
    await rows(
      `SELECT count(*) FILTER (WHERE ${bboxWhere}),
              count(*) FILTER (WHERE i.lon IS NULL OR i.lat IS NULL)
       FROM incident i WHERE ${where}`,
      params,
    )
  )[0] ?? [0, 0];
  const page = await rows(
    `SELECT i.source, i.source_id, epoch_ms(i.occurred_at), strftime(i.occurred_local, '%Y-%m-%dT%H:%M:%S'),
            CAST(i.reported_date AS VARCHAR), i.category, array_to_string(i.offense_labels, '${SEP}'),
            i.status, i.unit_id, i.lon, i.lat, i.location_flag
     FROM incident i WHERE ${where} AND ${bboxWhere}
     ORDER BY i.occurred_at, i.source, i.source_id
     LIMIT ${Math.trunc(q.limit)} OFFSET ${Math.trunc(q.offset)}`,
    params,
  );
  return {
    matched: Number(totals[0]),
    withoutLocation: Number(totals[1]),
    items: page.map((r) => ({
      source: String(r[0]),
      sourceId: String(r[1]),
      occurredAt: new Date(Number(r[2])).toISOString(),
      occurredLocal: String(r[3]),
      reportedDate: r[4] === null ? null : (r[4] as string),
      category: r[5] as OffenseCategory,
      offenseLabels: ((r[6] as string | null) ?? '').split(SEP).filter((l) => l.length > 0),
      status: r[7] as IncidentPage['items'][number]['status'],
      unitId: r[8] === null ? null : Number(r[8]),
      lon: r[9] === null ? null : Number(r[9]),
      lat: r[10] === null ? null : Number(r[10]),
      locationFlag: r[11] as IncidentPage['items'][number]['locationFlag'],
    })),
  };
}

/** Counts per local day of current, founded incidents (the same counting rules as the COMPSTAT count). */
export async function dailyCountsQuery(
  rows: RunRows,
  agencyId: number,
  q: DailyCountQuery,
): Promise<DailyCount[]> {
  const params: Value[] = [];
  const dateCol = q.dateBasis === 'reported' ? 'i.reported_date' : 'i.occurred_date';
  // Every-offense counting: one row per distinct offense category of the incident.
  const categoryFilter = q.category;
  const base = selectionWhere(
    agencyId,
    { ...q, category: q.countEveryOffense ? undefined : q.category },
    dateCol,
    params,
  );
  let sql: string;
  if (q.countEveryOffense) {
    params.push(categoryFilter ?? null);
    const c = `$${params.length}`;
    sql = `SELECT CAST(d AS VARCHAR), count(*) FROM (
             SELECT ${dateCol} AS d, unnest(i.offense_categories) AS category FROM incident i WHERE ${base}
           ) WHERE ${c} IS NULL OR category = ${c} GROUP BY d ORDER BY d`;
  } else {
    sql = `SELECT CAST(${dateCol} AS VARCHAR), count(*) FROM incident i WHERE ${base} GROUP BY ${dateCol} ORDER BY ${dateCol}`;
  }
  return (await rows(sql, params)).map((r) => ({ date: String(r[0]), count: Number(r[1]) }));
}

/** The data-quality figures over current incidents and open quarantined rows. */
export async function qualityFiguresQuery(rows: RunRows, agencyId: number): Promise<QualityFigures> {
  const f = (
    await rows(
      `SELECT count(*),
              count(*) FILTER (WHERE location_flag = 'ok'),
              count(*) FILTER (WHERE location_flag = 'no_location'),
              count(*) FILTER (WHERE location_flag = 'outside_jurisdiction'),
              count(*) FILTER (WHERE unit_disagrees),
              count(*) FILTER (WHERE status = 'unfounded')
       FROM incident WHERE agency_id = ${agencyId} AND is_current`,
    )
  )[0] ?? [0, 0, 0, 0, 0, 0];
  const labels = await rows(
    `SELECT label, count(*) AS n FROM (
       SELECT unnest(offense_labels) AS label, unnest(offense_categories) AS category
       FROM incident WHERE agency_id = ${agencyId} AND is_current
     ) WHERE category = 'unclassified' GROUP BY label ORDER BY n DESC, label LIMIT 100`,
  );
  const reasons = await rows(
    `SELECT reason, count(*) AS n FROM (
       SELECT unnest(string_split(reasons, ',')) AS reason FROM quarantine
       WHERE agency_id = ${agencyId} AND status = 'open'
     ) GROUP BY reason ORDER BY n DESC, reason`,
  );
  const quarantined = (
    await rows(`SELECT count(*) FROM quarantine WHERE agency_id = ${agencyId} AND status = 'open'`)
  )[0]?.[0];
  return {
    incidents: Number(f[0]),
    located: Number(f[1]),
    noLocation: Number(f[2]),
    outsideJurisdiction: Number(f[3]),
    unitDisagreements: Number(f[4]),
    unfounded: Number(f[5]),
    unclassifiedLabels: labels.map((r) => ({ label: String(r[0]), count: Number(r[1]) })),
    quarantineByReason: reasons.map((r) => ({ reason: r[0] as QuarantineReason, count: Number(r[1]) })),
    quarantinedRows: Number(quarantined ?? 0),
  };
}
