import {
  summarizeResponseTimes,
  type Histogram,
  type ResponseSamples,
  type ResponseTimeStats,
} from '@vigia/analysis';

/** Why a call is not in the response-time statistics (it still counts in volume). */
export type ResponseExclusion = 'dateOnly' | 'officerInitiated' | 'outOfOrder' | 'noOnScene';

/** Exclusion reasons in the order they are tested (docs/methods/response-times.md). */
export const RESPONSE_EXCLUSIONS: readonly ResponseExclusion[] = [
  'dateOnly',
  'officerInitiated',
  'outOfOrder',
  'noOnScene',
];

/** Response statistics of one group of calls in one window. */
export interface ResponseWindowStats extends ResponseTimeStats {
  /** Every call received in the window (volume). */
  calls: number;
  /** Calls left out of response times, by reason; calls = measured + the sum of these. */
  excluded: Record<ResponseExclusion, number>;
}

/** Arrest counts of one group in one window (only calls whose source says whether). */
export interface EnforcementStats {
  calls: number;
  /** Calls whose source carries an arrest flag. */
  withArrestData: number;
  arrests: number;
  /** arrests / withArrestData, or null when no call carries the flag. */
  arrestRate: number | null;
}

/** A Float64Array that grows as values are pushed (no object per value). */
class Samples {
  private data = new Float64Array(16);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  /** The pushed values (a view: summarizing reorders them). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** One group in one slot: volume, exclusions and the measured intervals. */
class Cell {
  calls = 0;
  readonly excluded = [0, 0, 0, 0];
  readonly response = new Samples();
  readonly processing = new Samples();
  readonly travel = new Samples();
}

/**
 * Response-time accumulator over integer group ids and slots (a slot is a window and current/previous
 * year): one cell per group and slot, intervals pushed into growing typed arrays. A call adds itself to
 * each of its groups once per slot; the statistics are computed once per cell at the end.
 */
export class ResponseAccumulator {
  /** Cell of group g in slot s at g × slots + s (a flat array: one lookup per call and group). */
  private readonly cells: (Cell | undefined)[] = [];

  constructor(private readonly slots: number) {}

  /**
   * Adds one call to group `group` in slot `slot`: measured (`exclusion` < 0, with its response time and
   * its processing and travel times or NaN) or excluded (index into {@link RESPONSE_EXCLUSIONS}).
   */
  add(
    slot: number,
    group: number,
    exclusion: number,
    response: number,
    processing: number,
    travel: number,
  ): void {
    const at = group * this.slots + slot;
    let c = this.cells[at];
    if (c === undefined) {
      while (this.cells.length < at) this.cells.push(undefined);
      this.cells[at] = c = new Cell();
    }
    c.calls++;
    if (exclusion >= 0) {
      c.excluded[exclusion]!++;
      return;
    }
    c.response.push(response);
    // NaN (never equal to itself) = the call has no such time.
    if (processing === processing) c.processing.push(processing);
    if (travel === travel) c.travel.push(travel);
  }

  /** Groups that received any call, in id order. */
  groups(): number[] {
    const out: number[] = [];
    for (let g = 0; g * this.slots < this.cells.length; g++) {
      for (let s = 0; s < this.slots; s++) {
        if (this.cells[g * this.slots + s] !== undefined) {
          out.push(g);
          break;
        }
      }
    }
    return out;
  }

  private cell(slot: number, group: number): Cell | undefined {
    return this.cells[group * this.slots + slot];
  }

  /** Number of calls of a group in a slot. */
  calls(slot: number, group: number): number {
    return this.cell(slot, group)?.calls ?? 0;
  }

  /** The measured response times of a group in a slot (a view; call before {@link stats}). */
  responseTimes(slot: number, group: number): Float64Array {
    return this.cell(slot, group)?.response.view() ?? new Float64Array(0);
  }

  /** Statistics of a group in a slot, the share within target judged against `targetSec` (or none). */
  stats(slot: number, group: number, targetSec: number | null): ResponseWindowStats {
    const c = this.cell(slot, group);
    const samples: ResponseSamples = {
      response: c ? c.response.view() : new Float64Array(0),
      processing: c ? c.processing.view() : new Float64Array(0),
      travel: c ? c.travel.view() : new Float64Array(0),
    };
    const ex = c?.excluded ?? [0, 0, 0, 0];
    return {
      calls: c?.calls ?? 0,
      excluded: { dateOnly: ex[0]!, officerInitiated: ex[1]!, outOfOrder: ex[2]!, noOnScene: ex[3]! },
      ...summarizeResponseTimes(samples, targetSec),
    };
  }
}

/** Call and arrest counts per integer group id and slot. */
export class CountAccumulator {
  private readonly counts: (Float64Array | undefined)[] = [];

  constructor(private readonly slots: number) {}

  /** Adds one call to `group` in `slot`; `arrest` is 1 (arrest), 0 (none) or −1 (the source does not say). */
  add(slot: number, group: number, arrest: number): void {
    let c = this.counts[group];
    if (!c) this.counts[group] = c = new Float64Array(this.slots * 3);
    c[slot * 3]!++;
    if (arrest >= 0) {
      c[slot * 3 + 1]!++;
      c[slot * 3 + 2]! += arrest;
    }
  }

  /** Groups that received any call, in id order. */
  groups(): number[] {
    const out: number[] = [];
    this.counts.forEach((c, g) => {
      if (c) out.push(g);
    });
    return out;
  }

  get(slot: number, group: number): EnforcementStats {
    const c = this.counts[group];
    const calls = c?.[slot * 3] ?? 0;
    const withArrestData = c?.[slot * 3 + 1] ?? 0;
    const arrests = c?.[slot * 3 + 2] ?? 0;
    return {
      calls,
      withArrestData,
      arrests,
      arrestRate: withArrestData === 0 ? null : arrests / withArrestData,
    };
  }
}

/** Names ↔ dense integer ids (groups are keyed by text once, then by number per call). */
export class GroupKeys<K> {
  private readonly ids = new Map<string, number>();
  readonly keys: K[] = [];

  /** The id of `name`, new ids numbered from 0 in order of first use. */
  id(name: string, key: K): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(name, id);
      this.keys.push(key);
    }
    return id;
  }
}

/** A histogram with its window's current and last year's values. */
export interface ComparedHistogram {
  current: Histogram;
  previous: Histogram;
}
