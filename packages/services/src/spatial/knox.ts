import { knoxNearRepeat, type KnoxResult } from '@vigia/analysis';
import { translate, type Locale } from '@vigia/domain';
import type { Store } from '@vigia/store';
import {
  loadSelection,
  requireIncidents,
  type SpatialSelection,
  type SpatialSelectionInput,
} from './selection.js';

/** Options of {@link analyzeKnox}. */
export interface KnoxInput extends SpatialSelectionInput {
  /** Upper edges of the distance bands in metres (default 200, 400, 600, 800, 1000). */
  spatialBandsMeters?: number[] | undefined;
  /** Upper edges of the time bands in days (default 7, 14, 21, 28). */
  temporalBandsDays?: number[] | undefined;
  /** Date permutations (default 999). */
  permutations?: number | undefined;
  /** Seed of the permutations (default 1): the same seed gives the same table. */
  seed?: number | undefined;
}

/** A near-repeat finding: a distance × time band with significantly more pairs than chance. */
export interface NearRepeatFinding {
  spatialBand: [number, number];
  temporalBand: [number, number];
  observed: number;
  expected: number;
  ratio: number;
  pValue: number;
}

/** Result of {@link analyzeKnox}. */
export interface KnoxAnalysisResult extends Omit<KnoxResult, 'spatialBands' | 'temporalBands'> {
  analysis: 'knox';
  selection: SpatialSelection;
  /** Infinity is written as null in JSON: [from, null] = "more than from". */
  spatialBands: [number, number | null][];
  temporalBands: [number, number | null][];
  /** Bands (not the open-ended ones) with ratio > 1 and p < 0.05, closest first. */
  nearRepeats: NearRepeatFinding[];
}

/**
 * Knox near-repeat table of a unit, category and period (docs/methods/knox.md), with its findings.
 * @throws VigiaError as loadSelection; TOO_FEW_INCIDENTS below 2 located incidents.
 */
export async function analyzeKnox(store: Store, input: KnoxInput): Promise<KnoxAnalysisResult> {
  const loaded = await loadSelection(store, input);
  requireIncidents(loaded, 2, 'Knox');
  const r = knoxNearRepeat(loaded.xs, loaded.ys, loaded.days, {
    ...(input.spatialBandsMeters ? { spatialBandsMeters: input.spatialBandsMeters } : {}),
    ...(input.temporalBandsDays ? { temporalBandsDays: input.temporalBandsDays } : {}),
    permutations: input.permutations ?? 999,
    seed: input.seed ?? 1,
  });
  const nearRepeats: NearRepeatFinding[] = [];
  r.table.forEach((row, s) => {
    if (s === r.table.length - 1) return;
    row.forEach((cell, t) => {
      if (t === row.length - 1) return;
      if (cell.ratio > 1 && cell.pValue < 0.05) {
        nearRepeats.push({
          spatialBand: r.spatialBands[s]!,
          temporalBand: r.temporalBands[t]!,
          ...pick(cell),
        });
      }
    });
  });
  const open = (b: [number, number]): [number, number | null] => [b[0], Number.isFinite(b[1]) ? b[1] : null];
  return {
    ...r,
    analysis: 'knox',
    selection: loaded.selection,
    spatialBands: r.spatialBands.map(open),
    temporalBands: r.temporalBands.map(open),
    nearRepeats,
  };
}

function pick(c: {
  observed: number;
  expected: number;
  ratio: number;
  pValue: number;
}): Omit<NearRepeatFinding, 'spatialBand' | 'temporalBand'> {
  return { observed: c.observed, expected: c.expected, ratio: c.ratio, pValue: c.pValue };
}

/**
 * The findings in plain language, one sentence each ("For 7 days after an incident (burglary), the
 * risk of another 1–200 m away is 1.8 times normal (p = 0.003)."), or one sentence saying there is none.
 */
export function knoxSummary(result: KnoxAnalysisResult, locale: Locale): string[] {
  if (result.nearRepeats.length === 0)
    return [translate(locale, 'analyze.noNearRepeat', { permutations: result.permutations })];
  const cat = result.selection.category;
  const category = cat === null ? '' : ` (${translate(locale, `category.${cat}`).toLowerCase()})`;
  return result.nearRepeats.map((f) => {
    const where =
      f.spatialBand[1] === 0
        ? translate(locale, 'analyze.sameLocation')
        : translate(locale, 'analyze.withinBand', {
            from: f.spatialBand[0] === 0 ? 1 : f.spatialBand[0] + 1,
            to: f.spatialBand[1],
          });
    const common = { category, where, ratio: f.ratio.toFixed(1), p: f.pValue.toFixed(3) };
    return f.temporalBand[0] === 0
      ? translate(locale, 'analyze.nearRepeat', { ...common, days: f.temporalBand[1] })
      : translate(locale, 'analyze.nearRepeatLater', {
          ...common,
          from: f.temporalBand[0],
          to: f.temporalBand[1],
        });
  });
}
