import { responseTimeStats, type MeasuredCall, type ResponseTimeStats } from '@vigia/analysis';

/** Why a call is not in the response-time statistics (it still counts in volume). */
export type ResponseExclusion = 'dateOnly' | 'officerInitiated' | 'outOfOrder' | 'noOnScene';

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

type Group = { calls: number; excluded: Record<ResponseExclusion, number>; measured: MeasuredCall[] };

/**
 * Accumulates calls per group key and slot (a window and current/previous), then summarizes them.
 * Keyed by group first, so a call builds its group keys once, not once per window.
 */
export class GroupAccumulator {
  private readonly groups = new Map<string, Map<string, Group>>();

  add(slot: string, key: string, measured: MeasuredCall | null, exclusion: ResponseExclusion | null): void {
    let slots = this.groups.get(key);
    if (!slots) this.groups.set(key, (slots = new Map<string, Group>()));
    let g = slots.get(slot);
    if (!g) {
      g = {
        calls: 0,
        excluded: { dateOnly: 0, officerInitiated: 0, outOfOrder: 0, noOnScene: 0 },
        measured: [],
      };
      slots.set(slot, g);
    }
    g.calls++;
    if (measured) g.measured.push(measured);
    else if (exclusion) g.excluded[exclusion]++;
  }

  keys(): string[] {
    return [...this.groups.keys()];
  }

  stats(slot: string, key: string): ResponseWindowStats {
    const g = this.groups.get(key)?.get(slot);
    if (!g)
      return {
        calls: 0,
        excluded: { dateOnly: 0, officerInitiated: 0, outOfOrder: 0, noOnScene: 0 },
        ...responseTimeStats([]),
      };
    return { calls: g.calls, excluded: { ...g.excluded }, ...responseTimeStats(g.measured) };
  }
}

/** Counts per group key and slot (volume, arrests). */
export class CountAccumulator {
  private readonly counts = new Map<string, Map<string, EnforcementStats>>();

  add(slot: string, key: string, arrest: boolean | null): void {
    let slots = this.counts.get(key);
    if (!slots) this.counts.set(key, (slots = new Map<string, EnforcementStats>()));
    let c = slots.get(slot);
    if (!c) {
      c = { calls: 0, withArrestData: 0, arrests: 0, arrestRate: null };
      slots.set(slot, c);
    }
    c.calls++;
    if (arrest !== null) {
      c.withArrestData++;
      if (arrest) c.arrests++;
      c.arrestRate = c.arrests / c.withArrestData;
    }
  }

  keys(): string[] {
    return [...this.counts.keys()];
  }

  get(slot: string, key: string): EnforcementStats {
    return this.counts.get(key)?.get(slot) ?? { calls: 0, withArrestData: 0, arrests: 0, arrestRate: null };
  }
}
