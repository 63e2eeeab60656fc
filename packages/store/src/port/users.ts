import type { Role } from '@vigia/domain';

/**
 * A user account as stored, without its password hash (what every listing and audit row may show).
 * Instants are UTC epoch milliseconds.
 */
export interface UserRecord {
  id: number;
  /** As typed at creation (NFC); unique ignoring case. */
  username: string;
  displayName: string;
  role: Role;
  /** The commander's unit (store unit id); null for other roles. */
  unitId: number | null;
  disabled: boolean;
  /** Failed sign-ins since the last success or lock. */
  failedAttempts: number;
  /** Locked until this instant (ms), or null. */
  lockedUntil: number | null;
  createdAt: number;
  updatedAt: number;
}

/** A user with the argon2id hash (PHC string) that sign-in checks. Never leaves the services layer. */
export interface UserWithHash extends UserRecord {
  passwordHash: string;
}

/** A new account. */
export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  passwordHash: string;
  /** Creation instant (ms). */
  at: number;
}

/**
 * Changes to an account; omitted fields stay. `passwordHash` sets a new password (and ends the user's
 * sessions); `disabled: true` ends them too; `unlock` clears the lock and the failure count.
 */
export interface UserChanges {
  displayName?: string;
  role?: Role;
  unitId?: number | null;
  disabled?: boolean;
  passwordHash?: string;
  unlock?: boolean;
  /** Instant of the change (ms). */
  at: number;
}

/** A sign-in session. The token itself is never stored: only its SHA-256 (hex). */
export interface SessionRecord {
  tokenHash: string;
  userId: number;
  createdAt: number;
  /** Ends at this instant (ms) unless used again (sliding expiry, capped by the absolute lifetime). */
  expiresAt: number;
  lastSeenAt: number;
  /** The session's anti-CSRF token: state-changing requests repeat it in the X-CSRF-Token header. */
  csrfToken: string;
}

/** Lockout rule applied by {@link UserStore.recordLoginFailure}. */
export interface LockoutRule {
  /** Failures that lock the account (the Nth failure locks). */
  maxAttempts: number;
  /** How long a lock lasts, in milliseconds. */
  lockMs: number;
  /** Instant of the failure (ms). */
  at: number;
}

/**
 * Users and sessions (issue 6). Every change writes its audit row in the same transaction (actions
 * `user.create`, `user.update`, `user.login`, `user.login_failed`, `user.locked`, `user.logout`,
 * `session.purge`), with `actor` the person or process acting; password hashes and tokens never go into
 * an audit row. Usernames are unique ignoring case.
 */
export interface UserStore {
  /**
   * Creates an account (audit `user.create`).
   * @throws VigiaError USERNAME_TAKEN when the name exists (ignoring case).
   */
  createUser(user: NewUser, actor: string): Promise<UserRecord>;
  /** One account by id, or null. */
  getUser(id: number): Promise<UserRecord | null>;
  /** One account by user name (ignoring case), with its hash, or null: for sign-in and the CLI. */
  findUserByUsername(username: string): Promise<UserWithHash | null>;
  /** Every account, by user name. */
  listUsers(): Promise<UserRecord[]>;
  /**
   * Applies `changes` (audit `user.update`, before/after without the hash; a new password shows as
   * `passwordChanged: true`). Ending sessions (new password, disabled) happens in the same transaction.
   * @throws VigiaError USER_NOT_FOUND.
   */
  updateUser(id: number, changes: UserChanges, actor: string): Promise<UserRecord>;
  /**
   * Counts one failed sign-in of an existing user and locks the account when the count reaches
   * `rule.maxAttempts` (audit `user.login_failed`, or `user.locked` for the failure that locks; a lock
   * resets the count). Atomic under concurrent failures.
   */
  recordLoginFailure(userId: number, rule: LockoutRule, actor: string): Promise<UserRecord>;
  /**
   * Opens a session for a successful sign-in: resets the failure count and any expired lock, stores the
   * session (audit `user.login`).
   */
  createSession(session: SessionRecord, actor: string): Promise<void>;
  /** The session with that token hash and its user, or null (expired sessions are returned too). */
  getSession(tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | null>;
  /** Slides a session's expiry (bookkeeping: no audit row). */
  touchSession(tokenHash: string, lastSeenAt: number, expiresAt: number): Promise<void>;
  /** Ends one session (audit `user.logout`); false when there was none. */
  deleteSession(tokenHash: string, actor: string): Promise<boolean>;
  /** Removes sessions expired at `at` (audit `session.purge` with the count, when any). */
  purgeExpiredSessions(at: number, actor: string): Promise<number>;
}
