import { createHash, randomBytes } from 'node:crypto';
import { VigiaError } from '@vigia/domain';
import type { SessionRecord, Store, UserRecord } from '@vigia/store';
import { hashPassword, verifyPassword } from './password.js';

/**
 * Sign-in rules. Defaults follow the OWASP Session Management and Authentication cheat sheets:
 * a session ends after 30 minutes without a request (sliding) and at most 8 hours after sign-in (one
 * shift); 5 wrong passwords in a row lock the account for 15 minutes (an admin can unlock it sooner).
 */
export interface SessionPolicy {
  /** Idle timeout in minutes (default 30). */
  idleMinutes: number;
  /** Absolute lifetime in minutes (default 480). */
  maxMinutes: number;
  /** Failed sign-ins in a row that lock the account (default 5). */
  lockoutAttempts: number;
  /** Lock duration in minutes (default 15). */
  lockoutMinutes: number;
}

/** The defaults of {@link SessionPolicy}. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMinutes: 30,
  maxMinutes: 480,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
};

/** A session's expiry is written back at most this often (ms), not on every request. */
const TOUCH_EVERY_MS = 60_000;

/** SHA-256 (hex) of a session token: what the store keeps. */
export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random token: 32 bytes (256 bits) from the OS CSPRNG, base64url. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The audit actor of a signed-in user: `user:<id>:<username>`. */
export function userActor(u: Pick<UserRecord, 'id' | 'username'>): string {
  return `user:${u.id}:${u.username}`;
}

/** What a successful sign-in gives the client: the session token (cookie), its CSRF token, the user. */
export interface SignedIn {
  token: string;
  csrfToken: string;
  user: UserRecord;
  expiresAt: number;
  /** When the session ends at the latest (absolute lifetime), ms. */
  maxExpiresAt: number;
}

let dummyHash: Promise<string> | null = null;

/**
 * Checks a user name and password and opens a session (audited `user.login`). A failure is audited
 * (`user.login_failed`, or `user.locked` for the one that locks) with `client` (e.g. `ip:10.0.0.7`) as
 * actor. An unknown name costs the same password hash as a known one, so timing does not tell which
 * names exist. Expired sessions are purged on the way.
 * @throws VigiaError INVALID_CREDENTIALS (unknown user, wrong password, disabled account),
 *   ACCOUNT_LOCKED (with the minutes left).
 */
export async function signIn(
  store: Store,
  credentials: { username: string; password: string },
  options: { now: number; client: string; policy?: SessionPolicy },
): Promise<SignedIn> {
  const policy = options.policy ?? DEFAULT_SESSION_POLICY;
  const { now, client } = options;
  const username = credentials.username.normalize('NFC').trim().slice(0, 200);
  const user = await store.findUserByUsername(username);
  const failed = (reason: string) =>
    store.appendAudit({
      actor: client,
      action: 'user.login_failed',
      target: user ? userActor(user) : `username:${username}`,
      before: null,
      after: { reason },
    });
  if (!user) {
    dummyHash ??= hashPassword('vigía: no such user');
    await verifyPassword(await dummyHash, credentials.password);
    await failed('unknown_user');
    throw new VigiaError('INVALID_CREDENTIALS', {});
  }
  if (user.lockedUntil !== null && user.lockedUntil > now) {
    await failed('locked');
    throw new VigiaError('ACCOUNT_LOCKED', { minutes: Math.ceil((user.lockedUntil - now) / 60_000) });
  }
  if (!(await verifyPassword(user.passwordHash, credentials.password))) {
    const after = await store.recordLoginFailure(
      user.id,
      { maxAttempts: policy.lockoutAttempts, lockMs: policy.lockoutMinutes * 60_000, at: now },
      client,
    );
    if (after.lockedUntil !== null && after.lockedUntil > now) {
      throw new VigiaError('ACCOUNT_LOCKED', { minutes: policy.lockoutMinutes });
    }
    throw new VigiaError('INVALID_CREDENTIALS', {});
  }
  if (user.disabled) {
    await failed('disabled');
    throw new VigiaError('INVALID_CREDENTIALS', {});
  }
  await store.purgeExpiredSessions(now, 'system');
  const token = newToken();
  const maxExpiresAt = now + policy.maxMinutes * 60_000;
  const session: SessionRecord = {
    tokenHash: sessionTokenHash(token),
    userId: user.id,
    createdAt: now,
    expiresAt: Math.min(now + policy.idleMinutes * 60_000, maxExpiresAt),
    lastSeenAt: now,
    csrfToken: newToken(),
  };
  await store.createSession(session, userActor(user));
  const { passwordHash: _hash, ...record } = user;
  return { token, csrfToken: session.csrfToken, user: record, expiresAt: session.expiresAt, maxExpiresAt };
}

/**
 * The live session of `token` and its user, or null (unknown, expired, or the user disabled). Slides
 * the expiry (idle timeout from now, never past the absolute lifetime), writing it back at most once a
 * minute.
 */
export async function resolveSession(
  store: Store,
  token: string,
  options: { now: number; policy?: SessionPolicy },
): Promise<{ session: SessionRecord; user: UserRecord } | null> {
  const policy = options.policy ?? DEFAULT_SESSION_POLICY;
  const { now } = options;
  if (token.length === 0 || token.length > 200) return null;
  const found = await store.getSession(sessionTokenHash(token));
  if (!found || found.session.expiresAt <= now || found.user.disabled) return null;
  const { session } = found;
  if (now - session.lastSeenAt >= TOUCH_EVERY_MS) {
    const expiresAt = Math.min(
      now + policy.idleMinutes * 60_000,
      session.createdAt + policy.maxMinutes * 60_000,
    );
    await store.touchSession(session.tokenHash, now, expiresAt);
    return { session: { ...session, lastSeenAt: now, expiresAt }, user: found.user };
  }
  return found;
}

/** Ends the session of `token` (audited `user.logout` by `actor`); false when it did not exist. */
export function signOut(store: Store, token: string, actor: string): Promise<boolean> {
  return store.deleteSession(sessionTokenHash(token), actor);
}
