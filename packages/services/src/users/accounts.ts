import { VigiaError, isRole, type Role } from '@vigia/domain';
import type { Store, UserRecord } from '@vigia/store';
import { findUnit } from '../units/find-unit.js';
import { assertStrongPassword, hashPassword } from './password.js';

/** User names: 1–64 letters, digits, `.`, `_`, `-` or `@` (an e-mail address works). */
const USERNAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

/** A new account as the CLI and the API give it. */
export interface AccountInput {
  username: string;
  /** Shown in the dashboard header (default: the user name). */
  displayName?: string;
  role: Role;
  /** Code of the commander's unit (required for commanders, ignored otherwise). */
  unitCode?: string | null;
  password: string;
}

/** Changes to an account; omitted fields stay. */
export interface AccountChanges {
  displayName?: string;
  role?: Role;
  /** The commander's unit code (null clears it). */
  unitCode?: string | null;
  disabled?: boolean;
  /** A new password (checked like a new account's); ends the user's sessions. */
  password?: string;
  /** Clears a lockout and the failure count. */
  unlock?: boolean;
}

/**
 * Validates a user name.
 * @throws VigiaError INVALID_ARGUMENT naming `username`.
 */
export function assertUsername(username: string): void {
  if (!USERNAME.test(username.normalize('NFC'))) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'username', value: username });
  }
}

async function unitIdOf(store: Store, role: Role, code: string | null | undefined, username: string) {
  if (role !== 'commander') return null;
  if (code === undefined || code === null || code.trim() === '') {
    throw new VigiaError('COMMANDER_UNIT_REQUIRED', { username });
  }
  return findUnit(await store.listUnits({ withGeometry: false }), code.trim()).id;
}

/**
 * Creates an account (audited as `user.create` by `actor`). Commanders need the code of their unit;
 * other roles have none.
 * @throws VigiaError INVALID_ARGUMENT (user name, role), WEAK_PASSWORD, COMMANDER_UNIT_REQUIRED,
 *   UNKNOWN_UNIT, USERNAME_TAKEN.
 */
export async function createAccount(
  store: Store,
  input: AccountInput,
  actor: string,
  now: number,
): Promise<UserRecord> {
  const username = input.username.normalize('NFC').trim();
  assertUsername(username);
  if (!isRole(input.role))
    throw new VigiaError('INVALID_ARGUMENT', { name: 'role', value: String(input.role) });
  assertStrongPassword(input.password, username);
  const unitId = await unitIdOf(store, input.role, input.unitCode, username);
  return store.createUser(
    {
      username,
      displayName: input.displayName?.trim() || username,
      role: input.role,
      unitId,
      passwordHash: await hashPassword(input.password),
      at: now,
    },
    actor,
  );
}

/**
 * The account named `username` (ignoring case).
 * @throws VigiaError USER_NOT_FOUND.
 */
export async function requireAccount(store: Store, username: string): Promise<UserRecord> {
  const u = await store.findUserByUsername(username);
  if (!u) throw new VigiaError('USER_NOT_FOUND', { value: username });
  const { passwordHash: _hash, ...rest } = u;
  return rest;
}

/**
 * Changes account `id` (audited as `user.update` by `actor`): name, role and unit, disabled, a new
 * password, an unlock. A role other than commander clears the unit; becoming a commander needs one.
 * @throws VigiaError USER_NOT_FOUND, INVALID_ARGUMENT (role), WEAK_PASSWORD, COMMANDER_UNIT_REQUIRED,
 *   UNKNOWN_UNIT, LAST_ADMIN (no active admin would remain).
 */
export async function changeAccount(
  store: Store,
  id: number,
  changes: AccountChanges,
  actor: string,
  now: number,
): Promise<UserRecord> {
  const current = await store.getUser(id);
  if (!current) throw new VigiaError('USER_NOT_FOUND', { value: String(id) });
  if (changes.role !== undefined && !isRole(changes.role)) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'role', value: String(changes.role) });
  }
  const role = changes.role ?? current.role;
  let unitId: number | null | undefined;
  if (role !== 'commander') unitId = null;
  else if (changes.unitCode !== undefined)
    unitId = await unitIdOf(store, role, changes.unitCode, current.username);
  else if (current.unitId === null)
    throw new VigiaError('COMMANDER_UNIT_REQUIRED', { username: current.username });
  if (changes.password !== undefined) assertStrongPassword(changes.password, current.username);
  return store.updateUser(
    id,
    {
      ...(changes.displayName !== undefined
        ? { displayName: changes.displayName.trim() || current.username }
        : {}),
      ...(changes.role !== undefined ? { role } : {}),
      ...(unitId !== undefined ? { unitId } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      ...(changes.password !== undefined ? { passwordHash: await hashPassword(changes.password) } : {}),
      ...(changes.unlock ? { unlock: true } : {}),
      at: now,
    },
    actor,
  );
}
