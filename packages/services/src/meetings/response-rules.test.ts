import { describe, expect, it } from 'vitest';
import type { ResponseWindowStats } from '../calls/response-groups.js';
import type { ResponseRow } from '../calls/response-types.js';
import { responseSlip } from './response-rules.js';

const stats = (measured: number, p90Sec: number | null): ResponseWindowStats => ({
  calls: measured,
  excluded: { dateOnly: 0, officerInitiated: 0, outOfOrder: 0, noOnScene: 0 },
  measured,
  medianSec: p90Sec === null ? null : p90Sec / 2,
  p90Sec,
  processingMedianSec: null,
  travelMedianSec: null,
  withinTargetShare: null,
  withTarget: 0,
});

const unitRow = (current: ResponseWindowStats, previous: ResponseWindowStats): ResponseRow => ({
  dimension: 'unit',
  key: 'N',
  targetSec: null,
  periods: { d28: { current, previous }, wtd: { current: stats(5, 9999), previous: stats(5, 1) } },
});

describe('slipping response times', () => {
  it('lists a 28-day 90th percentile up by at least 10 % and 30 s, with its figures', () => {
    const slip = responseSlip(unitRow(stats(40, 1320), stats(35, 1200)));
    expect(slip).toEqual({
      window: 'd28',
      current: { measured: 40, medianSec: 660, p90Sec: 1320, withinTargetShare: null },
      previous: { measured: 35, medianSec: 600, p90Sec: 1200, withinTargetShare: null },
      p90ChangeSec: 120,
      p90ChangeShare: 0.1,
    });
  });

  it('ignores small rises, falls, and windows with too few measured calls', () => {
    expect(responseSlip(unitRow(stats(40, 1319), stats(35, 1200)))).toBeNull(); // +9.9 %
    expect(responseSlip(unitRow(stats(40, 100), stats(35, 80)))).toBeNull(); // +25 % but only 20 s
    expect(responseSlip(unitRow(stats(40, 900), stats(35, 1200)))).toBeNull();
    expect(responseSlip(unitRow(stats(29, 2400), stats(35, 1200)))).toBeNull();
    expect(responseSlip(unitRow(stats(40, 2400), stats(29, 1200)))).toBeNull();
    expect(responseSlip(unitRow(stats(40, null), stats(35, 1200)))).toBeNull();
  });
});
