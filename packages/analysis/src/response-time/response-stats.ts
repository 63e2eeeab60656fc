import { quantileSorted } from './quantile.js';

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
   * Share (0–1) of measured calls with a target (their priority's) that were on scene within it
   * (response ≤ target); null when no measured call has a target.
   */
  withinTargetShare: number | null;
  /** Measured calls that had a target (the share's denominator). */
  withTarget: number;
}

/** Intervals of one measured call, seconds, and the target of its priority (null = none). */
export interface MeasuredCall {
  responseSec: number;
  processingSec: number | null;
  travelSec: number | null;
  targetSec: number | null;
}

function sortedOf(values: number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Response-time statistics of a group of measured calls: count, median, 90th percentile (linear
 * interpolation, Hyndman–Fan 7), medians of call processing and travel, and the share within target.
 * O(n log n). Pure: exclusion rules (officer-initiated, no arrival, flags) are applied by the caller.
 *
 * @param calls - the measured calls of the group.
 * @see docs/methods/response-times.md
 */
export function responseTimeStats(calls: readonly MeasuredCall[]): ResponseTimeStats {
  const response: number[] = [];
  const processing: number[] = [];
  const travel: number[] = [];
  let withTarget = 0;
  let within = 0;
  for (const c of calls) {
    response.push(c.responseSec);
    if (c.processingSec !== null) processing.push(c.processingSec);
    if (c.travelSec !== null) travel.push(c.travelSec);
    if (c.targetSec !== null) {
      withTarget++;
      if (c.responseSec <= c.targetSec) within++;
    }
  }
  const r = sortedOf(response);
  return {
    measured: calls.length,
    medianSec: quantileSorted(r, 0.5),
    p90Sec: quantileSorted(r, 0.9),
    processingMedianSec: quantileSorted(sortedOf(processing), 0.5),
    travelMedianSec: quantileSorted(sortedOf(travel), 0.5),
    withinTargetShare: withTarget === 0 ? null : within / withTarget,
    withTarget,
  };
}
