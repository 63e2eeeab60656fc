import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import {
  IncidentBatchBuilder,
  IncidentBatchDictionary,
  type IncidentBatch,
  type PlacedIncident,
  type RowIssue,
} from '@vigia/domain';
import type { ImportCounts, ImportMeta, IncidentImportSession } from '../port/store.js';
import { applyPlacements } from './apply-placements.js';
import { ChunkAppender } from './chunk-appender.js';
import type { DuckDbAuditLog } from './audit-log.js';
import type { ImportSettings } from './import-settings.js';
import { importEntry } from '../audit/audit-entries.js';
import {
  CONFLICTS_SQL,
  DROP_TEMP_SQL,
  INSERT_NEW_SQL,
  mergeStatements,
  OUTCOME_SQL,
  PLACED_ANEW_SQL,
  REPEATED_IDS_SQL,
  REPEATED_STAGED_IDS_SQL,
  SOURCE_HAS_INCIDENTS_SQL,
  SOURCE_PLACEMENT_SQL,
  STAGED_VIEW,
  STAGING_DDL,
  STAGING_TYPES,
  UNDO_BLOCKS_SQL,
} from './incident-import-sql.js';
import {
  abortImportBatch,
  appendQuarantineRow,
  closeImportBatch,
  registerImportBatch,
} from './import-batch.js';

const SEP = '\u001f';

/**
 * Rows staged before the first block is inserted, and between blocks: one DuckDB row group. An INSERT
 * of at least a full row group writes it to the database file at once ("optimistic writing"); smaller
 * ones stay in the transaction and all go through the write-ahead log at COMMIT (measured: 0.7 s more
 * per 500,000 rows with 65,536-row blocks).
 */
const BLOCK_ROWS = 122_880;
/** Rows the session holds in memory while a block is being inserted, before drain() waits for it. */
const MAX_WAITING_ROWS = 262_144;

/**
 * How the staged rows reach the incident table. "fresh": the source has no incidents, so every row is a
 * new incident, inserted block by block while the file is still being read (DuckDB inserts on its
 * threads while the import's worker reads on) — unless rows turn out to share a given id (one incident
 * of several rows): then the blocks are undone and everything is merged. "merge": mergeStatements at
 * the end.
 */
type Mode = 'undecided' | 'fresh' | 'merge';

/**
 * Staging and merge of one incident import in the DuckDB store.
 *
 * Everything the import writes happens in one transaction on the import's own connection, opened when
 * the first rows arrive and committed by {@link DuckDbIncidentImport.finish}: other connections see the
 * whole import or nothing, and an abort or a crash leaves nothing behind (a crash during the COMMIT
 * itself: see interrupted-imports.ts).
 */
export class DuckDbIncidentImport implements IncidentImportSession {
  private quarantined = 0;
  private staged = 0;
  private allIdsDerived = true;
  private mode: Mode = 'undecided';
  private inTransaction = false;
  /** Row number of the last row a fresh-mode block inserted (rows are staged in file order). */
  private insertedThrough = 0;
  private lastStagedRow = 0;
  private stagedSinceInsert = 0;
  /** The INSERT of a block, while DuckDB runs it; batches that arrive meanwhile wait in `waiting`. */
  private inflight: Promise<void> | null = null;
  private failure: Error | null = null;
  private waiting: IncidentBatch[] = [];
  private waitingRows = 0;
  /** True while this import holds DuckDB's import settings (fresh mode, see ImportSettings). */
  private tuned = false;
  /** Dictionary entries already in the temp tables. */
  private setsWritten = 0;
  private unitsWritten = 0;
  /** Rows given one at a time (addIncident) are collected here, then staged like a batch. */
  private readonly rowBatches = new IncidentBatchBuilder(2048);
  private readonly dictionary = new IncidentBatchDictionary();

  private constructor(
    private readonly connection: DuckDBConnection,
    readonly importId: number,
    private readonly meta: ImportMeta,
    private readonly appenders: {
      staging: DuckDBAppender;
      sets: DuckDBAppender;
      units: DuckDBAppender;
      quarantine: DuckDBAppender;
    },
    private readonly staging: ChunkAppender,
    private readonly audit: DuckDbAuditLog,
    private readonly settings: ImportSettings,
    private readonly release: () => void,
  ) {}

  /**
   * Registers the import as running and opens the staging appenders on `connection`, which the session
   * owns: `release` is called once it has finished or aborted (the store gives each import its own
   * connection, so readers on other connections see the data before or after the import, never during).
   * The import commits through `audit`, with its `import.incidents` row in the same transaction.
   * `settings` are the store's DuckDB settings while blocks are inserted during reading.
   */
  static async begin(
    connection: DuckDBConnection,
    meta: ImportMeta,
    audit: DuckDbAuditLog,
    settings: ImportSettings,
    release: () => void = () => undefined,
  ): Promise<DuckDbIncidentImport> {
    const importId = await registerImportBatch(connection, 'incidents', meta);
    await connection.run(STAGING_DDL);
    await connection.run(STAGED_VIEW);
    const appenders = {
      staging: await connection.createAppender('incident_staging', 'main', 'temp'),
      sets: await connection.createAppender('offense_set_dict', 'main', 'temp'),
      units: await connection.createAppender('source_unit_dict', 'main', 'temp'),
      quarantine: await connection.createAppender('quarantine'),
    };
    const staging = new ChunkAppender(appenders.staging, STAGING_TYPES);
    return new DuckDbIncidentImport(connection, importId, meta, appenders, staging, audit, settings, release);
  }

  addIncident(rowNo: number, p: PlacedIncident): void {
    if (this.rowBatches.add(rowNo, p)) this.addIncidentBatch(this.rowBatches.take());
  }

  addIncidentBatch(b: IncidentBatch): void {
    this.dictionary.absorb(b);
    if (this.inflight) {
      this.waiting.push(b);
      this.waitingRows += b.length;
    } else {
      this.stage(b);
    }
  }

  addQuarantine(rowNo: number, issues: readonly RowIssue[], raw: Record<string, string>): void {
    appendQuarantineRow(this.appenders.quarantine, this.importId, rowNo, issues, raw);
    this.quarantined++;
  }

  /**
   * Decides the mode once rows have arrived, starts the INSERT of a full block (fresh mode), and waits
   * for the running one only when too many rows wait for it.
   */
  async drain(): Promise<void> {
    this.rethrow();
    if (this.mode === 'undecided' && this.staged > 0) await this.decide();
    if (this.inflight && this.waitingRows > MAX_WAITING_ROWS) await this.inflight;
    this.rethrow();
    if (!this.inflight && this.mode === 'fresh' && this.stagedSinceInsert >= BLOCK_ROWS) this.startBlock();
  }

  async finish(summary: Record<string, unknown>): Promise<ImportCounts> {
    try {
      return await this.complete(summary);
    } finally {
      this.release();
    }
  }

  async abort(): Promise<void> {
    try {
      await this.inflight?.catch(() => undefined);
      await this.restoreSettings();
      if (this.inTransaction) await this.connection.run('ROLLBACK');
      this.inTransaction = false;
      await abortImportBatch(
        this.connection,
        this.importId,
        'incident_staging',
        Object.values(this.appenders),
      );
    } finally {
      this.release();
    }
  }

  /** Copies a batch into the staging table (and its new dictionary entries into theirs). */
  private stage(b: IncidentBatch): void {
    const n = b.length;
    if (n === 0) return;
    for (let i = 0; i < n; i++) {
      if (b.sourceIdDerived[i] === 0) {
        this.allIdsDerived = false;
        break;
      }
    }
    const planes = (a: Uint32Array) =>
      [0, 1, 2, 3].map((k) => a.subarray(k * b.capacity, k * b.capacity + n));
    this.staging.append(
      [
        b.rowNo,
        b.sourceId.length > 0 ? b.sourceId : null,
        ...planes(b.idWords),
        b.idOrdinal,
        b.sourceIdDerived,
        ...planes(b.contentHash),
        b.occurredAt,
        b.occurredLocal,
        b.reportedDate,
        b.offenseSet,
        b.lon,
        b.lat,
        b.sourceUnit,
        b.sourceUnitId,
        b.polygonUnitId,
        b.unitId,
        b.locationFlag,
        b.unitDisagrees,
        b.status,
        b.arrest,
      ],
      n,
    );
    this.staged += n;
    this.stagedSinceInsert += n;
    this.lastStagedRow = b.rowNo[n - 1]!;
  }

  /** Opens the import's transaction and picks the mode from the first rows. */
  private async decide(): Promise<void> {
    await this.connection.run('BEGIN TRANSACTION');
    this.inTransaction = true;
    const hasIncidents = (await this.count(SOURCE_HAS_INCIDENTS_SQL, [this.meta.source])) > 0;
    this.mode = hasIncidents ? 'merge' : 'fresh';
    if (this.mode === 'fresh') {
      await this.settings.acquire(this.connection);
      this.tuned = true;
    }
  }

  /** Restores DuckDB's settings (see ImportSettings), once. */
  private async restoreSettings(): Promise<void> {
    if (!this.tuned) return;
    this.tuned = false;
    await this.settings.release(this.connection);
  }

  /** Starts inserting the rows staged since the last block; batches arriving meanwhile wait. */
  private startBlock(): void {
    this.flushStaging();
    const through = this.lastStagedRow;
    this.stagedSinceInsert = 0;
    this.inflight = this.connection
      .run(INSERT_NEW_SQL, [this.importId, this.meta.source, this.insertedThrough])
      .then(
        () => {
          this.insertedThrough = through;
          this.inflight = null;
          const waiting = this.waiting;
          this.waiting = [];
          this.waitingRows = 0;
          for (const b of waiting) this.stage(b);
        },
        (e: unknown) => {
          this.failure ??= e instanceof Error ? e : new Error(String(e));
          this.inflight = null;
        },
      );
  }

  /** Makes the appended rows and dictionary entries visible to the import's statements. */
  private flushStaging(): void {
    const { sets, units, staging } = this.appenders;
    const offenseSets = this.dictionary.offenseSets;
    for (; this.setsWritten < offenseSets.length; this.setsWritten++) {
      const o = offenseSets[this.setsWritten]!;
      sets.appendInteger(this.setsWritten);
      sets.appendVarchar(o.categories.join(SEP));
      sets.appendVarchar(o.labels.join(SEP));
      sets.endRow();
    }
    const sourceUnits = this.dictionary.sourceUnits;
    for (; this.unitsWritten < sourceUnits.length; this.unitsWritten++) {
      units.appendInteger(this.unitsWritten);
      units.appendVarchar(sourceUnits[this.unitsWritten]!);
      units.endRow();
    }
    sets.flushSync();
    units.flushSync();
    staging.flushSync();
  }

  private rethrow(): void {
    if (this.failure !== null) throw this.failure;
  }

  private async complete(summary: Record<string, unknown>): Promise<ImportCounts> {
    if (this.rowBatches.length > 0) this.addIncidentBatch(this.rowBatches.take());
    await this.inflight;
    this.rethrow();
    if (this.mode === 'undecided') await this.decide();
    const counts: ImportCounts = {
      stored: 0,
      updated: 0,
      unchanged: 0,
      quarantined: this.quarantined,
      incidents: 0,
      replaced: 0,
      conflictingIds: 0,
      conflictingIdSamples: [],
    };
    try {
      if (this.mode === 'fresh') {
        this.flushStaging();
        await this.connection.run(INSERT_NEW_SQL, [this.importId, this.meta.source, this.insertedThrough]);
        this.insertedThrough = this.lastStagedRow;
        await this.restoreSettings();
        // Derived ids are unique by construction; given ids may repeat (rows of one incident).
        if (!this.allIdsDerived && (await this.count(REPEATED_IDS_SQL, [this.importId])) > 0) {
          this.mode = 'merge';
        }
      }
      if (this.mode === 'fresh') {
        counts.stored = this.staged;
        counts.incidents = this.staged;
      } else {
        await this.restoreSettings();
        if (this.insertedThrough > 0) await this.connection.run(UNDO_BLOCKS_SQL, [this.importId]);
        this.flushStaging();
        // Derived ids are unique by construction; given ids often are too (one row per record).
        const unique = this.allIdsDerived || (await this.count(REPEATED_STAGED_IDS_SQL)) === 0;
        await this.mergeStaged(unique);
        await this.countOutcomes(counts, unique);
        // Unchanged records placed anew (units or rules changed since they were stored).
        if ((await this.count(PLACED_ANEW_SQL)) > 0) {
          counts.replaced = await applyPlacements(
            this.connection,
            'classified',
            this.meta.source,
            'k.content_hash = k.cur_hash',
          );
        }
      }
      for (const a of Object.values(this.appenders)) a.closeSync();
      const { placement } = this.meta;
      await this.connection.run(SOURCE_PLACEMENT_SQL, [
        this.meta.source,
        placement.unitOfRecord,
        placement.sourceUnitLevel ?? null,
      ]);
      await closeImportBatch(this.connection, this.importId, this.meta, counts, summary);
      // COMMIT with the import's audit row, under the audit log's lock (see DuckDbAuditLog.commitWith).
      await this.audit.commitWith(
        this.connection,
        importEntry('incidents', this.importId, this.meta, counts, {
          incidents: counts.incidents,
          replaced: counts.replaced,
        }),
      );
      this.inTransaction = false;
    } catch (e) {
      await this.restoreSettings().catch(() => undefined);
      if (this.inTransaction) await this.connection.run('ROLLBACK').catch(() => undefined);
      this.inTransaction = false;
      throw e;
    }
    await this.connection.run(DROP_TEMP_SQL);
    return counts;
  }

  /** mergeStatements: the `merged` and `classified` tables, superseded versions, inserted rows. */
  private async mergeStaged(uniqueIds: boolean): Promise<void> {
    const value = { i: this.importId, s: this.meta.source } as const;
    for (const { sql, params } of mergeStatements(uniqueIds)) {
      await this.connection.run(
        sql,
        params.map((p) => value[p]),
      );
    }
  }

  /** The number a `SELECT count(*) …` statement returns. */
  private async count(sql: string, params: (number | string)[] = []): Promise<number> {
    return Number((await this.connection.runAndReadAll(sql, params)).getRows()[0]?.[0] ?? 0);
  }

  /** Stored / updated / unchanged rows and incidents, and the ids whose rows disagree. */
  private async countOutcomes(counts: ImportCounts, uniqueIds: boolean): Promise<void> {
    const rows = (await this.connection.runAndReadAll(OUTCOME_SQL)).getRows();
    for (const [outcome, n, incidents] of rows) {
      counts[outcome as 'stored' | 'updated' | 'unchanged'] = Number(n);
      counts.incidents += Number(incidents);
    }
    if (uniqueIds) return; // no id with several rows: no `merged` table, no conflicts
    const conflicts = (await this.connection.runAndReadAll(CONFLICTS_SQL)).getRows()[0];
    counts.conflictingIds = Number(conflicts?.[0] ?? 0);
    counts.conflictingIdSamples = ((conflicts?.[1] as { items?: unknown[] } | null)?.items ?? []).map(String);
  }
}
