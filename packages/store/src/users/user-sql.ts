import { VigiaError, type Role } from '@vigia/domain';
import type { AuditEntry } from '../port/audit.js';
import type {
  LockoutRule,
  NewUser,
  SessionRecord,
  UserChanges,
  UserRecord,
  UserWithHash,
} from '../port/users.js';

/**
 * Runs one statement with `$n` parameters and returns its rows as arrays (both stores: DuckDB rows,
 * PostgreSQL `rowMode: 'array'`). Parameters are cast in the SQL, so both stores type them alike.
 */
export type Query = (sql: string, params?: unknown[]) => Promise<unknown[][]>;

/** What one write does: its result and the audit row to commit with it (null: none). */
export interface AuditedResult<T> {
  result: T;
  audit: AuditEntry | null;
}

const USER_COLUMNS = `user_id, username, display_name, role, unit_id, disabled, failed_attempts, locked_until,
  created_at, updated_at, password_hash`;
const SESSION_COLUMNS = 'token_hash, user_id, created_at, expires_at, last_seen_at, csrf_token';

/** The case-insensitive key of a user name (unique per agency). */
export function usernameKey(username: string): string {
  return username.normalize('NFC').toLowerCase();
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toUser(r: readonly unknown[]): UserWithHash {
  return {
    id: Number(r[0]),
    username: String(r[1]),
    displayName: String(r[2]),
    role: String(r[3]) as Role,
    unitId: num(r[4]),
    disabled: Boolean(r[5]),
    failedAttempts: Number(r[6]),
    lockedUntil: num(r[7]),
    createdAt: Number(r[8]),
    updatedAt: Number(r[9]),
    passwordHash: String(r[10]),
  };
}

/** The account without its hash. */
export function withoutHash(u: UserWithHash): UserRecord {
  const { passwordHash: _hash, ...rest } = u;
  return rest;
}

/** What the audit log shows of an account: never the hash, never a token. */
function auditView(u: UserRecord) {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    disabled: u.disabled,
  };
}

/**
 * The SQL of the user store, shared by both adapters (tables app_user and user_session, keyed by
 * agency). Each write returns the audit entry its adapter commits in the same transaction; adapters
 * serialise writes (DuckDB: one connection under a lock; PostgreSQL: an advisory lock), so the
 * read-then-write steps below (next id, last admin) see no concurrent change.
 */
export class UserSql {
  constructor(private readonly agencyId: number) {}

  async getWithHash(q: Query, id: number): Promise<UserWithHash | null> {
    const rows = await q(
      `SELECT ${USER_COLUMNS} FROM app_user WHERE agency_id = ${this.agencyId} AND user_id = CAST($1 AS INTEGER)`,
      [id],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  async findByUsername(q: Query, username: string): Promise<UserWithHash | null> {
    const rows = await q(
      `SELECT ${USER_COLUMNS} FROM app_user WHERE agency_id = ${this.agencyId} AND username_key = CAST($1 AS VARCHAR)`,
      [usernameKey(username)],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  async list(q: Query): Promise<UserRecord[]> {
    const rows = await q(
      `SELECT ${USER_COLUMNS} FROM app_user WHERE agency_id = ${this.agencyId} ORDER BY username_key`,
    );
    return rows.map((r) => withoutHash(toUser(r)));
  }

  async create(q: Query, u: NewUser, actor: string): Promise<AuditedResult<UserRecord>> {
    if (await this.findByUsername(q, u.username)) {
      throw new VigiaError('USERNAME_TAKEN', { username: u.username });
    }
    const next = await q(
      `SELECT coalesce(max(user_id), 0) + 1 FROM app_user WHERE agency_id = ${this.agencyId}`,
    );
    const id = Number(next[0]?.[0] ?? 1);
    await q(
      `INSERT INTO app_user (agency_id, user_id, username, username_key, display_name, role, unit_id,
         password_hash, failed_attempts, locked_until, disabled, created_at, updated_at)
       VALUES (${this.agencyId}, CAST($1 AS INTEGER), CAST($2 AS VARCHAR), CAST($3 AS VARCHAR),
         CAST($4 AS VARCHAR), CAST($5 AS VARCHAR), CAST($6 AS INTEGER), CAST($7 AS VARCHAR), 0, NULL, false,
         CAST($8 AS BIGINT), CAST($8 AS BIGINT))`,
      [
        id,
        u.username.normalize('NFC'),
        usernameKey(u.username),
        u.displayName,
        u.role,
        u.unitId,
        u.passwordHash,
        u.at,
      ],
    );
    const created = withoutHash((await this.getWithHash(q, id))!);
    return {
      result: created,
      audit: { actor, action: 'user.create', target: `user:${id}`, before: null, after: auditView(created) },
    };
  }

  async update(q: Query, id: number, c: UserChanges, actor: string): Promise<AuditedResult<UserRecord>> {
    const before = await this.getWithHash(q, id);
    if (!before) throw new VigiaError('USER_NOT_FOUND', { value: String(id) });
    const role = c.role ?? before.role;
    const disabled = c.disabled ?? before.disabled;
    if (before.role === 'admin' && !before.disabled && (role !== 'admin' || disabled)) {
      const others = await q(
        `SELECT count(*) FROM app_user WHERE agency_id = ${this.agencyId} AND role = 'admin' AND NOT disabled
           AND user_id <> CAST($1 AS INTEGER)`,
        [id],
      );
      if (Number(others[0]?.[0] ?? 0) === 0)
        throw new VigiaError('LAST_ADMIN', { username: before.username });
    }
    const unlock = c.unlock === true;
    await q(
      `UPDATE app_user SET display_name = CAST($2 AS VARCHAR), role = CAST($3 AS VARCHAR),
         unit_id = CAST($4 AS INTEGER), disabled = CAST($5 AS BOOLEAN), password_hash = CAST($6 AS VARCHAR),
         failed_attempts = CASE WHEN CAST($7 AS BOOLEAN) THEN 0 ELSE failed_attempts END,
         locked_until = CASE WHEN CAST($7 AS BOOLEAN) THEN NULL ELSE locked_until END,
         updated_at = CAST($8 AS BIGINT)
       WHERE agency_id = ${this.agencyId} AND user_id = CAST($1 AS INTEGER)`,
      [
        id,
        c.displayName ?? before.displayName,
        role,
        c.unitId === undefined ? before.unitId : c.unitId,
        disabled,
        c.passwordHash ?? before.passwordHash,
        unlock,
        c.at,
      ],
    );
    const passwordChanged = c.passwordHash !== undefined;
    if (passwordChanged || (disabled && !before.disabled)) {
      await q(
        `DELETE FROM user_session WHERE agency_id = ${this.agencyId} AND user_id = CAST($1 AS INTEGER)`,
        [id],
      );
    }
    const after = withoutHash((await this.getWithHash(q, id))!);
    return {
      result: after,
      audit: {
        actor,
        action: 'user.update',
        target: `user:${id}`,
        before: auditView(before),
        after: {
          ...auditView(after),
          ...(passwordChanged ? { passwordChanged: true } : {}),
          ...(unlock ? { unlocked: true } : {}),
        },
      },
    };
  }

  async recordFailure(
    q: Query,
    id: number,
    rule: LockoutRule,
    actor: string,
  ): Promise<AuditedResult<UserRecord>> {
    const before = await this.getWithHash(q, id);
    if (!before) throw new VigiaError('USER_NOT_FOUND', { value: String(id) });
    const failures = before.failedAttempts + 1;
    const locks = failures >= rule.maxAttempts;
    const lockedUntil = locks ? rule.at + rule.lockMs : before.lockedUntil;
    await q(
      `UPDATE app_user SET failed_attempts = CAST($2 AS INTEGER), locked_until = CAST($3 AS BIGINT)
       WHERE agency_id = ${this.agencyId} AND user_id = CAST($1 AS INTEGER)`,
      [id, locks ? 0 : failures, lockedUntil],
    );
    const after = withoutHash((await this.getWithHash(q, id))!);
    return {
      result: after,
      audit: {
        actor,
        action: locks ? 'user.locked' : 'user.login_failed',
        target: `user:${id}`,
        before: null,
        after: locks
          ? {
              username: after.username,
              failedAttempts: failures,
              lockedUntil: new Date(lockedUntil!).toISOString(),
            }
          : { username: after.username, failedAttempts: failures },
      },
    };
  }

  async createSession(q: Query, s: SessionRecord, actor: string): Promise<AuditedResult<void>> {
    const user = await this.getWithHash(q, s.userId);
    if (!user) throw new VigiaError('USER_NOT_FOUND', { value: String(s.userId) });
    await q(
      `UPDATE app_user SET failed_attempts = 0, locked_until = NULL
       WHERE agency_id = ${this.agencyId} AND user_id = CAST($1 AS INTEGER)`,
      [s.userId],
    );
    await q(
      `INSERT INTO user_session (agency_id, ${SESSION_COLUMNS})
       VALUES (${this.agencyId}, CAST($1 AS VARCHAR), CAST($2 AS INTEGER), CAST($3 AS BIGINT), CAST($4 AS BIGINT),
         CAST($5 AS BIGINT), CAST($6 AS VARCHAR))`,
      [s.tokenHash, s.userId, s.createdAt, s.expiresAt, s.lastSeenAt, s.csrfToken],
    );
    return {
      result: undefined,
      audit: {
        actor,
        action: 'user.login',
        target: `user:${s.userId}`,
        before: null,
        // The session is named by a short prefix of its token's hash: enough to follow it, useless to steal.
        after: { username: user.username, session: s.tokenHash.slice(0, 12) },
      },
    };
  }

  async getSession(
    q: Query,
    tokenHash: string,
  ): Promise<{ session: SessionRecord; user: UserRecord } | null> {
    // One query (every API request runs it): the session joined with its user.
    const userColumns = USER_COLUMNS.split(',')
      .map((c) => `u.${c.trim()}`)
      .join(', ');
    const rows = await q(
      `SELECT s.token_hash, s.user_id, s.created_at, s.expires_at, s.last_seen_at, s.csrf_token, ${userColumns}
       FROM user_session s JOIN app_user u ON u.agency_id = s.agency_id AND u.user_id = s.user_id
       WHERE s.agency_id = ${this.agencyId} AND s.token_hash = CAST($1 AS VARCHAR)`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return null;
    const session: SessionRecord = {
      tokenHash: String(r[0]),
      userId: Number(r[1]),
      createdAt: Number(r[2]),
      expiresAt: Number(r[3]),
      lastSeenAt: Number(r[4]),
      csrfToken: String(r[5]),
    };
    return { session, user: withoutHash(toUser(r.slice(6))) };
  }

  async touchSession(q: Query, tokenHash: string, lastSeenAt: number, expiresAt: number): Promise<void> {
    await q(
      `UPDATE user_session SET last_seen_at = CAST($2 AS BIGINT), expires_at = CAST($3 AS BIGINT)
       WHERE agency_id = ${this.agencyId} AND token_hash = CAST($1 AS VARCHAR)`,
      [tokenHash, lastSeenAt, expiresAt],
    );
  }

  async deleteSession(q: Query, tokenHash: string, actor: string): Promise<AuditedResult<boolean>> {
    const found = await this.getSession(q, tokenHash);
    if (!found) return { result: false, audit: null };
    await q(
      `DELETE FROM user_session WHERE agency_id = ${this.agencyId} AND token_hash = CAST($1 AS VARCHAR)`,
      [tokenHash],
    );
    return {
      result: true,
      audit: {
        actor,
        action: 'user.logout',
        target: `user:${found.user.id}`,
        before: null,
        after: { username: found.user.username, session: tokenHash.slice(0, 12) },
      },
    };
  }

  async purgeExpired(q: Query, at: number, actor: string): Promise<AuditedResult<number>> {
    const n = await q(
      `SELECT count(*) FROM user_session WHERE agency_id = ${this.agencyId} AND expires_at <= CAST($1 AS BIGINT)`,
      [at],
    );
    const count = Number(n[0]?.[0] ?? 0);
    if (count === 0) return { result: 0, audit: null };
    await q(
      `DELETE FROM user_session WHERE agency_id = ${this.agencyId} AND expires_at <= CAST($1 AS BIGINT)`,
      [at],
    );
    return {
      result: count,
      audit: { actor, action: 'session.purge', target: 'sessions', before: null, after: { expired: count } },
    };
  }
}
