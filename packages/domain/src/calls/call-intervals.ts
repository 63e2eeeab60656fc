import type { CallTimePrecision } from './call.js';

/**
 * Why a call's timestamps cannot be trusted for intervals. The call is kept and counted in volume; it is
 * left out of every interval statistic and the report counts it under its flag.
 */
export const CALL_INTERVAL_FLAGS = [
  /** Dispatched before it was received. */
  'DISPATCHED_BEFORE_RECEIVED',
  /** En route before dispatch (or before receipt when there is no dispatch time). */
  'EN_ROUTE_OUT_OF_ORDER',
  /** On scene before it was received: a negative response time. */
  'ON_SCENE_BEFORE_RECEIVED',
  /** On scene before dispatch or before en route: a negative travel time. */
  'ON_SCENE_BEFORE_DISPATCHED',
  /** Cleared before on scene, or before receipt. */
  'CLEARED_OUT_OF_ORDER',
] as const;

/** One interval flag. */
export type CallIntervalFlag = (typeof CALL_INTERVAL_FLAGS)[number];

/** The timestamps intervals are made of: UTC epoch milliseconds or null. */
export interface CallTimestamps {
  receivedAt: number;
  dispatchedAt: number | null;
  enRouteAt: number | null;
  onSceneAt: number | null;
  clearedAt: number | null;
  timePrecision: CallTimePrecision;
}

/** The three response intervals of a call, in seconds, and the flags that voided them. */
export interface CallIntervals {
  /** On scene − received; null without an on-scene time, for date-only calls, or when flagged. */
  responseSec: number | null;
  /** Dispatched − received (call processing). */
  processingSec: number | null;
  /** On scene − dispatched (travel). */
  travelSec: number | null;
  /** Empty when the timestamps are in order. */
  flags: CallIntervalFlag[];
}

const NONE: CallIntervals = { responseSec: null, processingSec: null, travelSec: null, flags: [] };

/**
 * Response-time intervals of one call (docs/methods/response-times.md):
 * response = on scene − received; call processing = dispatched − received; travel = on scene −
 * dispatched. Differences of UTC instants, so a call that crosses midnight, a year end or a
 * daylight-saving change has its true elapsed time (a 01:50 PDT → 01:10 PST call lasted 20 minutes).
 *
 * Timestamps must follow received ≤ dispatched ≤ en route ≤ on scene ≤ cleared (missing ones are
 * skipped). Any inversion is flagged and voids all three intervals of the call: a record whose clock
 * runs backwards says nothing reliable about any of its intervals. Equal timestamps are in order (an
 * on-view call often has a response time of 0 s). Date-only calls have no intervals and no flags.
 *
 * @see NFPA 1710 / CALEA terminology for call processing and travel time; APCO ANS 1.111.
 */
export function callIntervals(t: CallTimestamps): CallIntervals {
  if (t.timePrecision === 'date') return NONE;
  const flags: CallIntervalFlag[] = [];
  const { receivedAt: r, dispatchedAt: d, enRouteAt: e, onSceneAt: o, clearedAt: c } = t;
  if (d !== null && d < r) flags.push('DISPATCHED_BEFORE_RECEIVED');
  if (e !== null && (e < r || (d !== null && e < d))) flags.push('EN_ROUTE_OUT_OF_ORDER');
  if (o !== null && o < r) flags.push('ON_SCENE_BEFORE_RECEIVED');
  if (o !== null && o >= r && ((d !== null && o < d) || (e !== null && o < e))) {
    flags.push('ON_SCENE_BEFORE_DISPATCHED');
  }
  if (c !== null && (c < r || (o !== null && c < o))) flags.push('CLEARED_OUT_OF_ORDER');
  if (flags.length > 0) return { ...NONE, flags };
  return {
    responseSec: o === null ? null : (o - r) / 1000,
    processingSec: d === null ? null : (d - r) / 1000,
    travelSec: o === null || d === null ? null : (o - d) / 1000,
    flags,
  };
}
