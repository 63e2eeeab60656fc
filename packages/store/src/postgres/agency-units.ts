import type pg from 'pg';
import { VigiaError, type Locale } from '@vigia/domain';
import type { AgencyChanges, AgencyRecord, UnitInput } from '../port/store.js';

const AGENCY = 1;

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

const AGENCY_COLUMNS = 'agency_id, name, country, time_zone, locale, version, epsg';

function toAgency(r: Record<string, unknown>): AgencyRecord {
  return {
    id: Number(r['agency_id']),
    name: String(r['name']),
    country: String(r['country']),
    timeZone: String(r['time_zone']),
    locale: String(r['locale']) as Locale,
    weekStart: 'monday',
    version: Number(r['version']),
    epsg: r['epsg'] === null ? null : Number(r['epsg']),
  };
}

/** Agency reads and the optimistic-concurrency update, over any query function (pool or client). */
export const agencyQueries = {
  /** The agency; `forUpdate` locks its row until the transaction ends (read before an update). */
  async get(query: Query, options: { forUpdate?: boolean } = {}): Promise<AgencyRecord | null> {
    const lock = options.forUpdate ? ' FOR UPDATE' : '';
    const r = (await query(`SELECT ${AGENCY_COLUMNS} FROM agency WHERE agency_id = ${AGENCY}${lock}`, []))[0];
    return r ? toAgency(r) : null;
  },

  /**
   * One conditional UPDATE (`WHERE version = expected`): atomic on the server, so of two instances
   * saving the same version exactly one wins and the other gets STORE_CONFLICT.
   * @throws VigiaError STORE_CONFLICT, NOT_INITIALIZED.
   */
  async update(query: Query, db: string, changes: AgencyChanges, expected: number): Promise<AgencyRecord> {
    const rows = await query(
      `UPDATE agency SET name = coalesce($2, name), country = coalesce($3, country),
         locale = coalesce($4, locale), epsg = CASE WHEN $5::boolean THEN $6::integer ELSE epsg END,
         version = version + 1
       WHERE agency_id = ${AGENCY} AND version = $1 RETURNING ${AGENCY_COLUMNS}`,
      [
        expected,
        changes.name ?? null,
        changes.country ?? null,
        changes.locale ?? null,
        changes.epsg !== undefined,
        changes.epsg ?? null,
      ],
    );
    if (rows[0]) return toAgency(rows[0]);
    const now = await agencyQueries.get(query);
    if (!now) throw new VigiaError('NOT_INITIALIZED', { db });
    throw new VigiaError('STORE_CONFLICT', { record: 'agency', expected, actual: now.version });
  },
};

/**
 * Creates or updates (by code) the units of one level and rebuilds the hierarchy closure, on a client
 * inside a transaction. Unit ids are max + 1 under an exclusive lock on `unit`, so two instances
 * importing units at once take turns instead of colliding.
 * @throws VigiaError PARENT_LEVEL_UNKNOWN.
 */
export async function upsertUnitsPg(
  client: pg.PoolClient,
  level: string,
  parentLevel: string | null,
  units: readonly UnitInput[],
): Promise<{ created: number; updated: number }> {
  await client.query('LOCK TABLE unit, unit_level IN EXCLUSIVE MODE');
  const levels = (
    await client.query<{ level: string; depth: number }>(
      `SELECT level, depth FROM unit_level WHERE agency_id = ${AGENCY}`,
    )
  ).rows;
  if (!levels.some((l) => l.level === level)) {
    const parent = parentLevel === null ? null : levels.find((l) => l.level === parentLevel);
    if (parentLevel !== null && !parent) throw new VigiaError('PARENT_LEVEL_UNKNOWN', { level: parentLevel });
    await client.query(`INSERT INTO unit_level VALUES (${AGENCY}, $1, $2, $3)`, [
      level,
      parent ? parent.depth + 1 : 0,
      parentLevel,
    ]);
  }
  const codes = new Map(
    (
      await client.query<{ code: string; unit_id: number }>(
        `SELECT code, unit_id FROM unit WHERE agency_id = ${AGENCY} AND level = $1`,
        [level],
      )
    ).rows.map((r) => [r.code, r.unit_id]),
  );
  const max = await client.query<{ n: number }>(
    `SELECT coalesce(max(unit_id), 0) + 1 AS n FROM unit WHERE agency_id = ${AGENCY}`,
  );
  let nextId = Number(max.rows[0]?.n ?? 1);
  let created = 0;
  let updated = 0;
  for (const u of units) {
    const geometry = u.geometry ? JSON.stringify(u.geometry) : null;
    const id = codes.get(u.code);
    if (id === undefined) {
      await client.query(`INSERT INTO unit VALUES (${AGENCY}, $1, $2, $3, $4, $5, $6)`, [
        nextId++,
        level,
        u.code,
        u.name,
        u.parentId,
        geometry,
      ]);
      created++;
    } else {
      await client.query(
        `UPDATE unit SET name = $2, parent_id = $3, geometry = $4 WHERE agency_id = ${AGENCY} AND unit_id = $1`,
        [id, u.name, u.parentId, geometry],
      );
      updated++;
    }
  }
  await client.query(`DELETE FROM unit_ancestor WHERE agency_id = ${AGENCY}`);
  await client.query(
    `INSERT INTO unit_ancestor
     WITH RECURSIVE up(unit_id, ancestor_id) AS (
       SELECT unit_id, unit_id FROM unit WHERE agency_id = ${AGENCY}
       UNION ALL
       SELECT up.unit_id, u.parent_id FROM up JOIN unit u ON u.agency_id = ${AGENCY} AND u.unit_id = up.ancestor_id
       WHERE u.parent_id IS NOT NULL
     )
     SELECT ${AGENCY}, unit_id, ancestor_id FROM up`,
  );
  return { created, updated };
}
