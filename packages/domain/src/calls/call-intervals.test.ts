import { describe, expect, it } from 'vitest';
import { callIntervals, type CallTimestamps } from './call-intervals.js';

const utc = (text: string) => Date.parse(text);
function call(parts: Partial<CallTimestamps>): CallTimestamps {
  return {
    receivedAt: utc('2023-11-04T18:00:00Z'),
    dispatchedAt: null,
    enRouteAt: null,
    onSceneAt: null,
    clearedAt: null,
    timePrecision: 'second',
    ...parts,
  };
}

describe('callIntervals', () => {
  it('computes response, call processing and travel in seconds', () => {
    const r = callIntervals(
      call({
        dispatchedAt: utc('2023-11-04T18:01:30Z'),
        enRouteAt: utc('2023-11-04T18:02:00Z'),
        onSceneAt: utc('2023-11-04T18:09:00Z'),
        clearedAt: utc('2023-11-04T19:00:00Z'),
      }),
    );
    expect(r).toEqual({ responseSec: 540, processingSec: 90, travelSec: 450, flags: [] });
  });

  it('has no response time without an on-scene time, but keeps call processing', () => {
    const r = callIntervals(call({ dispatchedAt: utc('2023-11-04T18:02:00Z') }));
    expect(r).toEqual({ responseSec: null, processingSec: 120, travelSec: null, flags: [] });
  });

  it('takes 0 s for an on-view call whose times are equal', () => {
    const at = utc('2023-06-04T23:18:15Z');
    expect(callIntervals(call({ receivedAt: at, onSceneAt: at })).responseSec).toBe(0);
  });

  it('flags a negative response time and voids every interval', () => {
    const r = callIntervals(
      call({ dispatchedAt: utc('2023-11-04T18:01:00Z'), onSceneAt: utc('2023-11-04T17:59:00Z') }),
    );
    expect(r.flags).toEqual(['ON_SCENE_BEFORE_RECEIVED']);
    expect(r.responseSec).toBeNull();
    expect(r.processingSec).toBeNull();
  });

  it('flags out-of-order dispatch, en route, arrival and clearance', () => {
    expect(callIntervals(call({ dispatchedAt: utc('2023-11-04T17:00:00Z') })).flags).toEqual([
      'DISPATCHED_BEFORE_RECEIVED',
    ]);
    expect(
      callIntervals(
        call({ dispatchedAt: utc('2023-11-04T18:10:00Z'), onSceneAt: utc('2023-11-04T18:05:00Z') }),
      ).flags,
    ).toEqual(['ON_SCENE_BEFORE_DISPATCHED']);
    expect(
      callIntervals(
        call({ dispatchedAt: utc('2023-11-04T18:10:00Z'), enRouteAt: utc('2023-11-04T18:05:00Z') }),
      ).flags,
    ).toEqual(['EN_ROUTE_OUT_OF_ORDER']);
    expect(
      callIntervals(call({ onSceneAt: utc('2023-11-04T18:10:00Z'), clearedAt: utc('2023-11-04T18:05:00Z') }))
        .flags,
    ).toEqual(['CLEARED_OUT_OF_ORDER']);
  });

  it('gives date-only calls no interval and no flag', () => {
    const r = callIntervals(
      call({ timePrecision: 'date', onSceneAt: utc('2023-11-05T08:00:00Z'), dispatchedAt: 0 }),
    );
    expect(r).toEqual({ responseSec: null, processingSec: null, travelSec: null, flags: [] });
  });

  it('measures elapsed time across midnight, a year end and a daylight-saving change', () => {
    // Instants, so the wall clocks do not matter: 23:55 → 00:07 local is 12 minutes.
    expect(
      callIntervals(call({ receivedAt: utc('2019-12-31T23:55:00Z'), onSceneAt: utc('2020-01-01T00:07:00Z') }))
        .responseSec,
    ).toBe(720);
    // Seattle, 2023-11-05: 01:50 PDT (08:50Z) → 01:10 PST (09:10Z) is 20 minutes, not −40.
    expect(
      callIntervals(call({ receivedAt: utc('2023-11-05T08:50:00Z'), onSceneAt: utc('2023-11-05T09:10:00Z') }))
        .responseSec,
    ).toBe(1200);
  });
});
