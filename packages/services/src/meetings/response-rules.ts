import type { ResponseRow } from '../calls/response-types.js';

/** A 90th percentile below this many measured calls (in either window) is too noisy to discuss. */
export const RESPONSE_MIN_MEASURED = 30;
/** A slip is listed when the 28-day 90th percentile rose by at least this share against last year... */
export const RESPONSE_MIN_RISE_SHARE = 0.1;
/** ...and by at least this many seconds (so a 90-second p90 that became 100 s is not "slipping"). */
export const RESPONSE_MIN_RISE_SEC = 30;

/** Response time figures of one window side (seconds; from the police response report). */
export interface ResponseSide {
  measured: number;
  medianSec: number | null;
  p90Sec: number;
  withinTargetShare: number | null;
}

/** Figures of a `response_time` agenda item: the unit's 28-day response times against last year. */
export interface ResponseTimeFigures {
  window: 'd28';
  current: ResponseSide;
  previous: ResponseSide;
  /** current − previous 90th percentile, seconds. */
  p90ChangeSec: number;
  /** The same as a share of last year's (0.25 = +25 %). */
  p90ChangeShare: number;
}

/**
 * Whether a unit's response times slipped (docs/meetings.md): over the 28 days of the reviewed week
 * against the same dates last year, both windows with at least {@link RESPONSE_MIN_MEASURED} measured
 * calls, the 90th percentile of response time (received → first unit on scene, the response report's
 * rules) rose by at least {@link RESPONSE_MIN_RISE_SHARE} and {@link RESPONSE_MIN_RISE_SEC} seconds.
 * @returns the figures when it slipped, else null.
 */
export function responseSlip(row: ResponseRow): ResponseTimeFigures | null {
  const d28 = row.periods['d28'];
  if (!d28) return null;
  const { current: c, previous: p } = d28;
  if (c.measured < RESPONSE_MIN_MEASURED || p.measured < RESPONSE_MIN_MEASURED) return null;
  if (c.p90Sec === null || p.p90Sec === null || p.p90Sec <= 0) return null;
  const change = c.p90Sec - p.p90Sec;
  if (change < RESPONSE_MIN_RISE_SEC || change / p.p90Sec < RESPONSE_MIN_RISE_SHARE) return null;
  const side = (s: typeof c, p90Sec: number): ResponseSide => ({
    measured: s.measured,
    medianSec: s.medianSec,
    p90Sec,
    withinTargetShare: s.withinTargetShare,
  });
  return {
    window: 'd28',
    current: side(c, c.p90Sec),
    previous: side(p, p.p90Sec),
    p90ChangeSec: change,
    p90ChangeShare: change / p.p90Sec,
  };
}
