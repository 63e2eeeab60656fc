import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import type {
  LockoutRule,
  NewUser,
  SessionRecord,
  UserChanges,
  UserRecord,
  UserStore,
  UserWithHash,
} from '../port/users.js';
import { UserSql, withoutHash, type AuditedResult, type Query } from '../users/user-sql.js';
import type { DuckDbAuditLog } from './audit-log.js';

/**
 * Users and sessions in the DuckDB file. Requests run concurrently but a DuckDB connection runs one
 * transaction at a time, so this part has a connection of its own and a queue: each operation (a
 * session lookup on every request, a sign-in, an account change) runs whole before the next starts.
 * Writes commit with their audit row through the store's audit log.
 */
export class DuckDbUsers implements UserStore {
  private connection: DuckDBConnection | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly sql: UserSql;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly audit: DuckDbAuditLog,
    agencyId: number,
  ) {
    this.sql = new UserSql(agencyId);
  }

  /** Closes the connection of this part. */
  close(): void {
    this.connection?.closeSync();
    this.connection = null;
  }

  /** Runs `work` alone on this part's connection (queued after the operations already started). */
  private serial<T>(work: (q: Query, c: DuckDBConnection) => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      this.connection ??= await this.instance.connect();
      const c = this.connection;
      const q: Query = async (sql, params = []) =>
        (await c.runAndReadAll(sql, params as DuckDBValue[])).getRows();
      return work(q, c);
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private audited<T>(op: (q: Query) => Promise<AuditedResult<T>>): Promise<T> {
    return this.serial(async (q, c) => {
      const r = await this.audit.inAuditedTransaction(
        c,
        () => op(q),
        (x) => x.audit,
      );
      return r.result;
    });
  }

  createUser(user: NewUser, actor: string): Promise<UserRecord> {
    return this.audited((q) => this.sql.create(q, user, actor));
  }

  getUser(id: number): Promise<UserRecord | null> {
    return this.serial(async (q) => {
      const u = await this.sql.getWithHash(q, id);
      return u ? withoutHash(u) : null;
    });
  }

  findUserByUsername(username: string): Promise<UserWithHash | null> {
    return this.serial((q) => this.sql.findByUsername(q, username));
  }

  listUsers(): Promise<UserRecord[]> {
    return this.serial((q) => this.sql.list(q));
  }

  updateUser(id: number, changes: UserChanges, actor: string): Promise<UserRecord> {
    return this.audited((q) => this.sql.update(q, id, changes, actor));
  }

  recordLoginFailure(userId: number, rule: LockoutRule, actor: string): Promise<UserRecord> {
    return this.audited((q) => this.sql.recordFailure(q, userId, rule, actor));
  }

  createSession(session: SessionRecord, actor: string): Promise<void> {
    return this.audited((q) => this.sql.createSession(q, session, actor));
  }

  getSession(tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | null> {
    return this.serial((q) => this.sql.getSession(q, tokenHash));
  }

  touchSession(tokenHash: string, lastSeenAt: number, expiresAt: number): Promise<void> {
    return this.serial((q) => this.sql.touchSession(q, tokenHash, lastSeenAt, expiresAt));
  }

  deleteSession(tokenHash: string, actor: string): Promise<boolean> {
    return this.audited((q) => this.sql.deleteSession(q, tokenHash, actor));
  }

  purgeExpiredSessions(at: number, actor: string): Promise<number> {
    return this.audited((q) => this.sql.purgeExpired(q, at, actor));
  }
}
