import { Type } from 'typebox';
import { ROLES } from '@vigia/domain';
import type { Store, UserRecord } from '@vigia/store';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const RoleName = Type.Unsafe<(typeof ROLES)[number]>({
  type: 'string',
  enum: [...ROLES],
  description: 'admin, analyst, command_staff, commander (their unit only) or viewer',
});

/** An account as admins see it (never its password hash). */
export const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleName,
  unitCode: Nullable(Type.String({ description: "The commander's unit" })),
  unitName: Nullable(Type.String()),
  disabled: Type.Boolean(),
  failedAttempts: Type.Integer(),
  lockedUntil: Nullable(Type.String({ description: 'UTC instant (ISO 8601) while the account is locked' })),
  createdAt: Type.String({ description: 'UTC instant (ISO 8601)' }),
  updatedAt: Type.String({ description: 'UTC instant (ISO 8601)' }),
});

/** The signed-in user and their session. */
export const Me = Type.Object({
  user: UserView,
  csrfToken: Type.String({
    description: 'Send it back in the X-CSRF-Token header of every POST/PATCH/PUT/DELETE',
  }),
  expiresAt: Type.String({ description: 'UTC instant the session ends unless used again (sliding)' }),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Builds {@link UserView}s, naming each commander's unit. */
export async function userViews(store: Store, users: readonly UserRecord[], now: number) {
  const units = new Map((await store.listUnits({ withGeometry: false })).map((u) => [u.id, u]));
  return users.map((u) => {
    const unit = u.unitId === null ? undefined : units.get(u.unitId);
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      unitCode: unit?.code ?? null,
      unitName: unit?.name ?? null,
      disabled: u.disabled,
      failedAttempts: u.failedAttempts,
      lockedUntil: u.lockedUntil !== null && u.lockedUntil > now ? iso(u.lockedUntil) : null,
      createdAt: iso(u.createdAt)!,
      updatedAt: iso(u.updatedAt)!,
    };
  });
}
