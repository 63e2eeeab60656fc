import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, decide, isRole, type Principal } from './policy.js';

// Units: district 1 (id 1) with beats 11 (id 11) and 12 (id 12); district 2 (id 2) with beat 21 (id 21).
const beat11 = { unitId: 11, unitAncestors: [11, 1] };
const beat21 = { unitId: 21, unitAncestors: [21, 2] };
const district1 = { unitId: 1, unitAncestors: [1] };
const agencyWide = { unitId: null, unitAncestors: [] };

describe('decide', () => {
  it('lets an admin do everything, anywhere', () => {
    for (const a of ACTIONS) expect(decide({ role: 'admin', unitId: null }, a, beat21)).toBe('allow');
  });

  it('keeps a viewer to reading', () => {
    const viewer: Principal = { role: 'viewer', unitId: null };
    expect(decide(viewer, 'data.read', beat21)).toBe('allow');
    for (const a of ACTIONS.filter((x) => x !== 'data.read' && x !== 'meeting.read')) {
      expect(decide(viewer, a)).toBe('forbidden');
    }
  });

  it('lets an analyst import but not run meetings or manage users', () => {
    const analyst: Principal = { role: 'analyst', unitId: null };
    expect(decide(analyst, 'data.import')).toBe('allow');
    expect(decide(analyst, 'meeting.run')).toBe('forbidden');
    expect(decide(analyst, 'users.manage')).toBe('forbidden');
    expect(decide(analyst, 'audit.read')).toBe('forbidden');
  });

  it('scopes a commander to their subtree and hides the rest (404, not 403)', () => {
    const d1: Principal = { role: 'commander', unitId: 1 };
    expect(decide(d1, 'data.read', district1)).toBe('allow');
    expect(decide(d1, 'action_item.edit', beat11)).toBe('allow');
    expect(decide(d1, 'data.read', beat21)).toBe('hidden');
    expect(decide(d1, 'action_item.edit', beat21)).toBe('hidden');
    expect(decide(d1, 'data.read', agencyWide)).toBe('allow');
    expect(decide(d1, 'action_item.edit', agencyWide)).toBe('hidden');
    expect(decide(d1, 'data.import')).toBe('forbidden');
    // A beat commander does not see their district's other beats, nor the district line.
    const b11: Principal = { role: 'commander', unitId: 11 };
    expect(decide(b11, 'data.read', { unitId: 12, unitAncestors: [12, 1] })).toBe('hidden');
    expect(decide(b11, 'data.read', district1)).toBe('hidden');
  });

  it('scopes a commander with no unit to nothing', () => {
    expect(decide({ role: 'commander', unitId: null }, 'data.read', beat11)).toBe('hidden');
  });

  it('lets command staff run meetings and edit items everywhere', () => {
    const staff: Principal = { role: 'command_staff', unitId: null };
    expect(decide(staff, 'meeting.run')).toBe('allow');
    expect(decide(staff, 'action_item.edit', beat21)).toBe('allow');
    expect(decide(staff, 'data.import')).toBe('forbidden');
  });

  it('recognises role names', () => {
    for (const r of ROLES) expect(isRole(r)).toBe(true);
    expect(isRole('superuser')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
