import { describe, expect, it } from 'vitest';
import { ACTION_ITEM_STATUSES, isActionItemActive, isActionItemStatus, isOverdue } from './meeting.js';

describe('action item rules', () => {
  it('counts open and in-progress items as active, done and dropped as closed', () => {
    expect(ACTION_ITEM_STATUSES.filter(isActionItemActive)).toEqual(['open', 'in_progress']);
  });

  it('calls an active item overdue the day after its due date, never a closed one or one without a date', () => {
    const item = { status: 'open' as const, dueDate: '2019-12-20' };
    expect(isOverdue(item, '2019-12-20')).toBe(false);
    expect(isOverdue(item, '2019-12-21')).toBe(true);
    expect(isOverdue({ ...item, status: 'in_progress' }, '2020-01-01')).toBe(true);
    expect(isOverdue({ ...item, status: 'done' }, '2020-01-01')).toBe(false);
    expect(isOverdue({ ...item, status: 'dropped' }, '2020-01-01')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: null }, '2099-01-01')).toBe(false);
  });

  it('recognises status names', () => {
    expect(isActionItemStatus('in_progress')).toBe(true);
    expect(isActionItemStatus('closed')).toBe(false);
    expect(isActionItemStatus(3)).toBe(false);
  });
});
