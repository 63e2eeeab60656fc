/**
 * Who may do what in Vigía (issue: accountability). Pure rules, no I/O: the API asks them before every
 * route, and the tests call them directly. Roles follow the COMPSTAT organisation:
 * - `admin`: everything, including users and the audit log;
 * - `analyst`: reads all data, imports data and units, runs analyses, exports;
 * - `command_staff`: reads all units, runs the meeting, edits action items anywhere;
 * - `commander`: reads and acts only inside their own unit's subtree (their district and its beats);
 * - `viewer`: reads all published figures, changes nothing.
 */
export const ROLES = ['admin', 'analyst', 'command_staff', 'commander', 'viewer'] as const;
/** One role. */
export type Role = (typeof ROLES)[number];

/** Actions a route may need. */
export const ACTIONS = [
  'data.read',
  'data.import',
  'data.export',
  'meeting.read',
  'meeting.run',
  'action_item.edit',
  'users.manage',
  'audit.read',
] as const;
/** One action. */
export type Action = (typeof ACTIONS)[number];

const GRANTS: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  analyst: ['data.read', 'data.import', 'data.export', 'meeting.read'],
  command_staff: ['data.read', 'data.export', 'meeting.read', 'meeting.run', 'action_item.edit'],
  commander: ['data.read', 'data.export', 'meeting.read', 'action_item.edit'],
  viewer: ['data.read', 'meeting.read'],
};

/** The signed-in user as policies see them. `unitId` is the commander's unit (null for other roles). */
export interface Principal {
  role: Role;
  unitId: number | null;
}

/**
 * What a policy decides: `allow`; `forbidden` (the user may know the thing exists but may not do this:
 * HTTP 403); `hidden` (outside the user's scope: answer as if it did not exist, HTTP 404, so a
 * commander cannot learn another district's items by probing).
 */
export type Decision = 'allow' | 'forbidden' | 'hidden';

/** True when `role` is one of {@link ROLES} (e.g. a value read from the database or the command line). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * May `who` perform `action`, on a resource that belongs to unit `unitId` (null = agency-wide) whose
 * ancestors (the unit itself included, any order) are `unitAncestors`?
 * A commander without a unit is scoped to nothing. Agency-wide resources (unitId null) are outside a
 * commander's scope except for reading agency-wide figures they are allowed to see (`data.read` of the
 * agency total is allowed: the COMPSTAT book shows the agency line to every commander).
 */
export function decide(
  who: Principal,
  action: Action,
  resource: { unitId: number | null; unitAncestors: readonly number[] } | null = null,
): Decision {
  if (!GRANTS[who.role].includes(action)) return 'forbidden';
  if (who.role !== 'commander' || resource === null) return 'allow';
  if (resource.unitId === null)
    return action === 'data.read' || action === 'meeting.read' ? 'allow' : 'hidden';
  if (who.unitId === null) return 'hidden';
  return resource.unitAncestors.includes(who.unitId) ? 'allow' : 'hidden';
}
