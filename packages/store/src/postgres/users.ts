import type pg from 'pg';
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
import { appendAuditPg } from './audit-log.js';

/** A {@link Query} on a pool or a client (rows as arrays). */
function queryOn(db: pg.Pool | pg.PoolClient): Query {
  return async (sql, params = []) =>
    (await db.query({ text: sql, values: params, rowMode: 'array' })).rows as unknown[][];
}

/**
 * Users and sessions in PostgreSQL. Several instances may write at once: each account change runs in a
 * transaction that first takes an advisory lock (per schema and agency), so the next user id and the
 * "last active admin" check never race, and commits its audit row with it (appendAuditPg).
 */
export class PgUsers implements UserStore {
  private readonly sql: UserSql;

  constructor(
    private readonly pool: pg.Pool,
    private readonly agencyId: number,
  ) {
    this.sql = new UserSql(agencyId);
  }

  private async audited<T>(op: (q: Query) => Promise<AuditedResult<T>>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('vigia.users.' || current_schema()), $1)`, [
        this.agencyId,
      ]);
      const r = await op(queryOn(client));
      if (r.audit) await appendAuditPg(client, this.agencyId, r.audit);
      await client.query('COMMIT');
      return r.result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  createUser(user: NewUser, actor: string): Promise<UserRecord> {
    return this.audited((q) => this.sql.create(q, user, actor));
  }

  async getUser(id: number): Promise<UserRecord | null> {
    const u = await this.sql.getWithHash(queryOn(this.pool), id);
    return u ? withoutHash(u) : null;
  }

  findUserByUsername(username: string): Promise<UserWithHash | null> {
    return this.sql.findByUsername(queryOn(this.pool), username);
  }

  listUsers(): Promise<UserRecord[]> {
    return this.sql.list(queryOn(this.pool));
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
    return this.sql.getSession(queryOn(this.pool), tokenHash);
  }

  touchSession(tokenHash: string, lastSeenAt: number, expiresAt: number): Promise<void> {
    return this.sql.touchSession(queryOn(this.pool), tokenHash, lastSeenAt, expiresAt);
  }

  deleteSession(tokenHash: string, actor: string): Promise<boolean> {
    return this.audited((q) => this.sql.deleteSession(q, tokenHash, actor));
  }

  purgeExpiredSessions(at: number, actor: string): Promise<number> {
    return this.audited((q) => this.sql.purgeExpired(q, at, actor));
  }
}
