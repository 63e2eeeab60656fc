import type { DuckDBConnection } from '@duckdb/node-api';
import { CALL_FACT_FLAGS, type CallFacts, type StoredCall } from '../../port/call-store.js';
import { allocateCallFacts, CodedColumnBuilder } from '../../call-facts/call-facts-columns.js';
import type { CountWindow } from '../../port/store.js';

const AGENCY = 1;

const ms = (col: string) => `CAST(epoch_ms(${col}) AS DOUBLE)`;
const num = (v: unknown): number | null => (v === null ? null : Number(v));
const items = (v: unknown): string[] => ((v as { items?: unknown[] } | null)?.items ?? []).map(String);

/** Text columns of the facts, in CallFacts order: priority, channel, callType, sourceUnit, respondingUnits. */
const TEXTS = [
  'priority',
  'channel',
  'coalesce(final_type, initial_type)',
  'source_unit',
  `nullif(array_to_string(responding_units, chr(31)), '')`,
];

const after = (col: string) => `CAST(epoch_ms(${col}) - epoch_ms(received_at) AS DOUBLE)`;

/**
 * Current calls received within any of `windows` (local dates, inclusive), column by column (see
 * CallFacts), read chunk by chunk straight into typed arrays; texts are interned (each distinct text
 * kept once). Numbering the distinct texts inside the query (DISTINCT, joined back) saved no CPU time on
 * a million calls (bench/calls.js), so the query stays plain.
 */
export async function listCallFacts(
  db: DuckDBConnection,
  windows: readonly CountWindow[],
): Promise<CallFacts> {
  const params: string[] = [];
  const where = windows
    .map((w) => {
      params.push(w.start, w.end);
      return `received_date BETWEEN CAST($${params.length - 1} AS DATE) AND CAST($${params.length} AS DATE)`;
    })
    .join(' OR ');
  const F = CALL_FACT_FLAGS;
  const result = await db.run(
    `SELECT CAST(received_date - DATE '1970-01-01' AS INTEGER),
            CAST(hour(received_local) * 60 + minute(received_local) AS SMALLINT),
            ${after('dispatched_at')}, ${after('en_route_at')}, ${after('on_scene_at')}, ${after('cleared_at')},
            CAST((CASE WHEN time_precision = 'date' THEN ${F.dateOnly} ELSE 0 END)
                 + (CASE WHEN officer_initiated THEN ${F.officerInitiated} ELSE 0 END)
                 + (CASE WHEN arrest IS NULL THEN 0 WHEN arrest THEN ${F.arrestKnown + F.arrest} ELSE ${F.arrestKnown} END) AS UTINYINT),
            coalesce(unit_id, -1), ${TEXTS.join(', ')}
     FROM call_for_service WHERE agency_id = ${AGENCY} AND is_current AND (${where || 'false'})`,
    params,
  );
  const n = Number(result.rowCount);
  const facts = allocateCallFacts(n);
  const texts = TEXTS.map(() => new CodedColumnBuilder(n));
  const nan = (v: unknown) => (v === null ? NaN : (v as number));
  let at = 0;
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    const rows = chunk.rowCount;
    const [day, minute, d, e, o, c, flags, unit] = [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
      chunk.getColumnVector(i),
    );
    for (let i = 0; i < rows; i++) {
      const k = at + i;
      facts.receivedDay[k] = day!.getItem(i) as number;
      facts.minuteOfDay[k] = minute!.getItem(i) as number;
      facts.dispatchedMs[k] = nan(d!.getItem(i));
      facts.enRouteMs[k] = nan(e!.getItem(i));
      facts.onSceneMs[k] = nan(o!.getItem(i));
      facts.clearedMs[k] = nan(c!.getItem(i));
      facts.flags[k] = flags!.getItem(i) as number;
      facts.unitId[k] = unit!.getItem(i) as number;
    }
    texts.forEach((b, j) => {
      const v = chunk.getColumnVector(8 + j);
      for (let i = 0; i < rows; i++) b.set(at + i, v.getItem(i) as string | null);
    });
    at += rows;
  }
  const [priority, channel, callType, sourceUnit, respondingUnits] = texts.map((b) => b.build());
  return {
    ...facts,
    priority: priority!,
    channel: channel!,
    callType: callType!,
    sourceUnit: sourceUnit!,
    respondingUnits: respondingUnits!,
  };
}

/** Number of current calls. */
export async function countCurrentCalls(db: DuckDBConnection): Promise<number> {
  const r = await db.runAndReadAll(
    `SELECT count(*) FROM call_for_service WHERE agency_id = ${AGENCY} AND is_current`,
  );
  return Number(r.getRows()[0]?.[0] ?? 0);
}

/** First and last local received dates of current calls. */
export async function callDateRange(db: DuckDBConnection): Promise<{ first: string; last: string } | null> {
  const r = (
    await db.runAndReadAll(
      `SELECT strftime(min(received_date), '%Y-%m-%d'), strftime(max(received_date), '%Y-%m-%d')
       FROM call_for_service WHERE agency_id = ${AGENCY} AND is_current`,
    )
  ).getRows()[0];
  return r && r[0] !== null ? { first: String(r[0]), last: String(r[1]) } : null;
}

/** Every stored version of the calls of one source (tests and tracing). */
export async function listCallVersions(
  db: DuckDBConnection,
  source: string,
  sourceId?: string,
): Promise<StoredCall[]> {
  const rows = (
    await db.runAndReadAll(
      `SELECT source, source_id, version, is_current, strftime(received_local, '%Y-%m-%dT%H:%M:%S'),
              ${ms('on_scene_at')}, responding_units, unit_id, import_id
       FROM call_for_service WHERE agency_id = ${AGENCY} AND source = $1 AND ($2 IS NULL OR source_id = $2)
       ORDER BY source_id, version`,
      [source, sourceId ?? null],
    )
  ).getRows();
  return rows.map((r) => ({
    source: String(r[0]),
    sourceId: String(r[1]),
    version: Number(r[2]),
    isCurrent: Boolean(r[3]),
    receivedLocal: String(r[4]),
    onSceneAt: num(r[5]),
    respondingUnits: items(r[6]),
    unitId: num(r[7]),
    importId: Number(r[8]),
  }));
}
