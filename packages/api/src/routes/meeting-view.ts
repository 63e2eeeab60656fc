import type { FastifyRequest } from 'fastify';
import { VigiaError, decide, isOverdue, type Action } from '@vigia/domain';
import { UnitTree } from '@vigia/services';
import type {
  ActionItemChange,
  ActionItemRecord,
  MeetingRecord,
  MeetingWithAgenda,
  Store,
} from '@vigia/store';
import { authorize, type ApiPrincipal } from '../auth/access.js';

/**
 * What the signed-in user may see of meetings and action items: the policy (domain access/policy.ts)
 * applied unit by unit over the unit tree. A commander sees their subtree only; anything else answers
 * 404, as if it did not exist.
 */
export class MeetingScope {
  private constructor(
    readonly principal: ApiPrincipal,
    readonly tree: UnitTree,
  ) {}

  /**
   * Checks the route's action for the request (401 without a session, 403 for a role without it) and
   * loads the unit tree.
   */
  static async of(request: FastifyRequest, store: Store, action: Action): Promise<MeetingScope> {
    const principal = authorize(request, action);
    return new MeetingScope(principal, new UnitTree(await store.listUnits({ withGeometry: false })));
  }

  /** True when the user may perform `action` on something of unit `unitId`. */
  allows(action: Action, unitId: number): boolean {
    return decide(this.principal, action, { unitId, unitAncestors: this.tree.ancestors(unitId) }) === 'allow';
  }

  /** @throws VigiaError NOT_FOUND (`what`) unless {@link allows}. */
  require(action: Action, unitId: number, what: string): void {
    if (!this.allows(action, unitId)) throw new VigiaError('NOT_FOUND', { what });
  }

  /** Of a meeting's units, those the user may read; none = the meeting is hidden (404). */
  visibleUnits(meeting: MeetingRecord): number[] {
    return meeting.unitIds.filter((u) => this.allows('meeting.read', u));
  }

  unitRef(id: number) {
    const u = this.tree.get(id);
    return { id, code: u?.code ?? String(id), name: u?.name ?? '', level: u?.level ?? '' };
  }

  /** A meeting without its agenda, with the units the user may see. */
  summary(meeting: MeetingRecord) {
    const { unitIds: _ids, ...rest } = meeting;
    return { ...rest, units: this.visibleUnits(meeting).map((u) => this.unitRef(u)) };
  }

  /** A meeting with the agenda items and action items of the units the user may see. */
  detail(meeting: MeetingWithAgenda, actionItems: readonly ActionItemRecord[], today: string) {
    const { agenda, ...rest } = meeting;
    const visible = new Set(this.visibleUnits(meeting));
    return {
      ...this.summary(rest),
      agenda: agenda
        .filter((a) => visible.has(a.unitId))
        .map(({ meetingId: _m, ...a }) => ({ ...a, unit: this.unitRef(a.unitId).code })),
      actionItems: actionItems
        .filter((a) => this.allows('meeting.read', a.unitId))
        .map((a) => this.actionItem(a, today)),
    };
  }

  /** An action item as the API shows it: with its unit's code and name and whether it is overdue. */
  actionItem(a: ActionItemRecord, today: string) {
    const unit = this.unitRef(a.unitId);
    return { ...a, unit: unit.code, unitName: unit.name, overdue: isOverdue(a, today) };
  }

  /** An action item with its history (no item id repeated in each change). */
  actionItemDetail(a: ActionItemRecord, history: readonly ActionItemChange[], today: string) {
    return {
      ...this.actionItem(a, today),
      history: history.map(({ actionItemId: _id, ...h }) => h),
    };
  }
}
