import { quantilesInPlace } from './quantile-select.js';

/** Summary of response times of one group of calls. */
export interface ResponseTimeStats {
  /** Calls measured (with a valid response time). */
  measured: number;
  /** Median response time, seconds; null when none measured. */
  medianSec: number | null;
  /** 90th percentile, seconds (definition 7, see quantileSorted); null when none measured. */
  p90Sec: number | null;
  /** Median call processing (dispatched − received) and travel (on scene − dispatched), seconds. */
  processingMedianSec: number | null;
  travelMedianSec: number | null;
  /**
   * Share (0–1) of the measured calls on scene within the group's target (response ≤ target); null when
   * the group has no target (see {@link summarizeResponseTimes}) or no measured call.
   */
  withinTargetShare: number | null;
  /** Measured calls judged against the target (the share's denominator): 0 without a target. */
  withTarget: number;
}

/**
 * The measured intervals of one group of calls, seconds: every response time, and the processing and
 * travel times of the calls that have them (no NaN).
 */
export interface ResponseSamples {
  response: Float64Array;
  processing: Float64Array;
  travel: Float64Array;
}

/**
 * Response-time statistics of a group of measured calls: count, median, 90th percentile (linear
 * interpolation, Hyndman–Fan 7), medians of call processing and travel, and the share on scene within
 * `targetSec`. The target belongs to the group, not to each call: a share is only meaningful among calls
 * held to the same target, so callers pass one for a group of a single priority and null for a group
 * mixing priorities (docs/methods/response-times.md). O(n) on average (selection, not sorting).
 * Pure: exclusion rules (officer-initiated, no arrival, flags) are applied by the caller.
 *
 * @param samples - the group's intervals; the arrays are REORDERED in place.
 * @param targetSec - the target response time, seconds, or null.
 */
export function summarizeResponseTimes(
  samples: ResponseSamples,
  targetSec: number | null,
): ResponseTimeStats {
  const r = samples.response;
  let within = 0;
  if (targetSec !== null) for (let i = 0; i < r.length; i++) if (r[i]! <= targetSec) within++;
  const [medianSec, p90Sec] = quantilesInPlace(r, [0.5, 0.9]);
  const withTarget = targetSec === null ? 0 : r.length;
  return {
    measured: r.length,
    medianSec: medianSec ?? null,
    p90Sec: p90Sec ?? null,
    processingMedianSec: quantilesInPlace(samples.processing, [0.5])[0] ?? null,
    travelMedianSec: quantilesInPlace(samples.travel, [0.5])[0] ?? null,
    withinTargetShare: withTarget === 0 ? null : within / withTarget,
    withTarget,
  };
}
