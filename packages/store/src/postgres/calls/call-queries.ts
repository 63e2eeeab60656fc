import type pg from 'pg';
import { allocateCallFacts, CodedColumnBuilder } from '../../call-facts/call-facts-columns.js';
import { CALL_FACT_FLAGS, type CallFacts, type StoredCall } from '../../port/call-store.js';
import type { CountWindow } from '../../port/store.js';
import { copyFieldValue, copyRows } from '../copy-reader.js';

const AGENCY = 1;

/** Dates go into the COPY query as literals (COPY takes no parameters): only `YYYY-MM-DD` passes. */
function dateLiteral(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new RangeError(`not a local date: ${text}`);
  return `DATE '${text}'`;
}

const after = (col: string) =>
  `((extract(epoch FROM ${col}) - extract(epoch FROM received_at)) * 1000)::double precision`;

/**
 * Current calls received within any of `windows` (local dates, inclusive), column by column (see
 * CallFacts). Read through `COPY (SELECT …) TO STDOUT` in one REPEATABLE READ snapshot with its count:
 * a million calls stream as text lines straight into typed arrays (no row objects in the driver), and
 * a concurrent import cannot change the rows between the count and the copy.
 */
export async function listCallFactsPg(pool: pg.Pool, windows: readonly CountWindow[]): Promise<CallFacts> {
  const where =
    windows
      .map((w) => `received_date BETWEEN ${dateLiteral(w.start)} AND ${dateLiteral(w.end)}`)
      .join(' OR ') || 'false';
  const from = `FROM call_for_service WHERE agency_id = ${AGENCY} AND is_current AND (${where})`;
  const F = CALL_FACT_FLAGS;
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const n = Number((await client.query<{ n: string }>(`SELECT count(*) AS n ${from}`)).rows[0]?.n ?? 0);
    const facts = allocateCallFacts(n);
    const coded = Array.from({ length: 5 }, () => new CodedColumnBuilder(n));
    const num = (t: string) => (t === '\\N' ? NaN : Number(t));
    let i = 0;
    await copyRows(
      client,
      `SELECT received_date - DATE '1970-01-01',
              (extract(hour FROM received_local) * 60 + extract(minute FROM received_local))::integer,
              ${after('dispatched_at')}, ${after('en_route_at')}, ${after('on_scene_at')}, ${after('cleared_at')},
              (CASE WHEN time_precision = 'date' THEN ${F.dateOnly} ELSE 0 END)
                + (CASE WHEN officer_initiated THEN ${F.officerInitiated} ELSE 0 END)
                + (CASE WHEN arrest IS NULL THEN 0 WHEN arrest THEN ${F.arrestKnown + F.arrest} ELSE ${F.arrestKnown} END),
              coalesce(unit_id, -1), priority, channel, coalesce(final_type, initial_type), source_unit,
              nullif(array_to_string(responding_units, chr(31)), '')
       ${from}`,
      (f) => {
        if (i >= n) throw new Error('listCallFactsPg: more rows than counted');
        facts.receivedDay[i] = Number(f[0]);
        facts.minuteOfDay[i] = Number(f[1]);
        facts.dispatchedMs[i] = num(f[2]!);
        facts.enRouteMs[i] = num(f[3]!);
        facts.onSceneMs[i] = num(f[4]!);
        facts.clearedMs[i] = num(f[5]!);
        facts.flags[i] = Number(f[6]);
        facts.unitId[i] = Number(f[7]);
        for (let c = 0; c < 5; c++) coded[c]!.set(i, copyFieldValue(f[8 + c]!));
        i++;
      },
    );
    await client.query('COMMIT');
    if (i !== n) throw new Error(`listCallFactsPg: ${i} rows, ${n} counted`);
    const [priority, channel, callType, sourceUnit, respondingUnits] = coded.map((b) => b.build());
    return {
      ...facts,
      priority: priority!,
      channel: channel!,
      callType: callType!,
      sourceUnit: sourceUnit!,
      respondingUnits: respondingUnits!,
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Number of current calls. */
export async function countCurrentCallsPg(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM call_for_service WHERE agency_id = ${AGENCY} AND is_current`,
  );
  return Number(r.rows[0]?.n ?? 0);
}

/** First and last local received dates of current calls (two probes of the call_received index). */
export async function callDateRangePg(pool: pg.Pool): Promise<{ first: string; last: string } | null> {
  const r = await pool.query<{ first: string | null; last: string | null }>(
    `SELECT to_char(min(received_date), 'YYYY-MM-DD') AS first, to_char(max(received_date), 'YYYY-MM-DD') AS last
     FROM call_for_service WHERE agency_id = ${AGENCY} AND is_current`,
  );
  const row = r.rows[0];
  return row && row.first !== null && row.last !== null ? { first: row.first, last: row.last } : null;
}

/** Every stored version of the calls of one source (tests and tracing). */
export async function listCallVersionsPg(
  pool: pg.Pool,
  source: string,
  sourceId?: string,
): Promise<StoredCall[]> {
  const r = await pool.query<Record<string, unknown>>(
    `SELECT source, source_id, version, is_current,
            to_char(received_local, 'YYYY-MM-DD"T"HH24:MI:SS') AS received_local,
            (extract(epoch FROM on_scene_at) * 1000)::double precision AS on_scene_ms, responding_units,
            unit_id, import_id
     FROM call_for_service WHERE agency_id = ${AGENCY} AND source = $1 AND ($2::text IS NULL OR source_id = $2)
     ORDER BY source_id, version`,
    [source, sourceId ?? null],
  );
  return r.rows.map((row) => ({
    source: String(row['source']),
    sourceId: String(row['source_id']),
    version: Number(row['version']),
    isCurrent: Boolean(row['is_current']),
    receivedLocal: String(row['received_local']),
    onSceneAt: row['on_scene_ms'] === null ? null : Number(row['on_scene_ms']),
    respondingUnits: (row['responding_units'] as string[]).map(String),
    unitId: row['unit_id'] === null ? null : Number(row['unit_id']),
    importId: Number(row['import_id']),
  }));
}
