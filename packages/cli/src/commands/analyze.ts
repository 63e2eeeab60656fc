import type { Command } from 'commander';
import { VigiaError, translate, type Locale } from '@vigia/domain';
import {
  analyzeEmerging,
  analyzeHotspots,
  analyzeKde,
  analyzeKnox,
  analyzeNni,
  emergingGeoJson,
  hotspotsGeoJson,
  kdeGeoJson,
  knoxSummary,
  type SpatialSelection,
  type SpatialSelectionInput,
} from '@vigia/services';
import { initialLocale, type Io } from '../context.js';
import { emergingCsv, hotspotsCsv, kdeCsv, knoxCsv, nniCsv } from '../format/analyze-csv.js';
import { dbLocation, withStore } from '../run-with-store.js';

const KINDS = ['hotspots', 'kde', 'knox', 'nni', 'emerging'] as const;
const FORMATS = ['json', 'geojson', 'csv'] as const;

interface AnalyzeOptions {
  db?: string;
  unit?: string;
  category?: string;
  from: string;
  to: string;
  format: string;
  epsg?: string;
  excludeRecurring?: boolean;
  cellSize?: string;
  distanceBand?: string;
  k?: string;
  fdr?: boolean;
  bandwidth?: string;
  kernel?: string;
  permutations?: string;
  seed?: string;
  spatialBands?: string;
  temporalBands?: string;
  step?: string;
  timeWindow?: string;
  alpha?: string;
}

/**
 * `vigia analyze hotspots|kde|knox|nni|emerging --db FILE [--unit CODE] [--category C] --from DATE --to DATE
 * [--format json|geojson|csv]` plus the options of each analysis. Results go to stdout; notices
 * (incidents without location, recurring locations, warnings) to stderr in the user's language.
 */
export function registerAnalyze(program: Command, io: Io): void {
  program
    .command('analyze')
    .description(
      'spatial analysis: Gi* hot spots, KDE, Knox near repeat, NNI, emerging hot spots / análisis espacial',
    )
    .argument('<analysis>', 'hotspots | kde | knox | nni | emerging')
    .option('--db <file>', 'database file')
    .option('--unit <code>', 'this unit and its sub-units (default: the agency)')
    .option('--category <code>', 'offense category, e.g. burglary (default: all)')
    .requiredOption('--from <YYYY-MM-DD>', 'first local occurrence date')
    .requiredOption('--to <YYYY-MM-DD>', 'last local occurrence date (inclusive)')
    .option('--format <json|geojson|csv>', 'output format', 'json')
    .option('--epsg <code>', 'metric CRS (default: UTM zone of the data)')
    .option('--exclude-recurring', 'leave out locations that recur far more than chance (fallback geocodes)')
    .option('--cell-size <m>', 'grid cell in metres (hotspots 250, kde 100, emerging 500)')
    .option('--distance-band <m>', 'hotspots, emerging: neighbours within this distance (default 2 × cell)')
    .option('--k <n>', 'hotspots, emerging: k nearest cells instead of a distance band')
    .option('--fdr', 'hotspots: false-discovery-rate correction')
    .option('--bandwidth <m>', 'kde: quartic radius or Gaussian sigma in metres')
    .option('--kernel <quartic|gaussian>', 'kde kernel', 'quartic')
    .option('--permutations <n>', 'knox: date permutations', '999')
    .option('--seed <n>', 'knox: random seed', '1')
    .option('--spatial-bands <m,m,...>', 'knox: distance band edges in metres', '200,400,600,800,1000')
    .option('--temporal-bands <d,d,...>', 'knox: time band edges in days', '7,14,21,28')
    .option('--step <auto|week|month>', 'emerging: time step (auto: months when ≥ 10 whole months)', 'auto')
    .option('--time-window <n>', 'emerging: earlier steps that count as neighbours', '1')
    .option('--alpha <p>', 'emerging: significance level of hot/cold bins and trends', '0.05')
    .action(async (analysis: string, o: AnalyzeOptions) => {
      if (!(KINDS as readonly string[]).includes(analysis))
        throw new VigiaError('INVALID_ARGUMENT', { name: 'analysis', value: analysis });
      if (!(FORMATS as readonly string[]).includes(o.format))
        throw new VigiaError('INVALID_ARGUMENT', { name: '--format', value: o.format });
      if (o.format === 'geojson' && (analysis === 'knox' || analysis === 'nni')) {
        throw new VigiaError('INVALID_ARGUMENT', {
          name: `--format (${analysis}: json, csv)`,
          value: o.format,
        });
      }
      const selection: SpatialSelectionInput = {
        unit: o.unit,
        category: o.category,
        from: o.from,
        to: o.to,
        epsg: optionalNumber('--epsg', o.epsg),
        excludeRecurring: o.excludeRecurring === true,
      };
      await withStore(dbLocation(io, o.db), async (store) => {
        const agency = await store.getAgency();
        const locale = initialLocale(io, program.opts<{ lang?: string }>().lang, agency?.locale);
        const write = (text: string): void => io.out(text.endsWith('\n') ? text : `${text}\n`);
        if (analysis === 'hotspots') {
          const r = await analyzeHotspots(store, {
            ...selection,
            cellSizeMeters: optionalNumber('--cell-size', o.cellSize),
            distanceBandMeters: optionalNumber('--distance-band', o.distanceBand),
            k: optionalNumber('--k', o.k),
            fdr: o.fdr === true,
          });
          notices(io, locale, r.selection);
          if (r.outsideStudyArea > 0)
            io.err(`${translate(locale, 'analyze.outsideArea', { count: r.outsideStudyArea })}\n`);
          if (r.warnings.includes('FEW_CELLS'))
            io.err(`${translate(locale, 'analyze.fewCells', { count: r.cells.length })}\n`);
          if (r.warnings.includes('NO_VARIATION')) io.err(`${translate(locale, 'analyze.noVariation')}\n`);
          write(
            o.format === 'csv'
              ? hotspotsCsv(r)
              : JSON.stringify(o.format === 'geojson' ? hotspotsGeoJson(r) : r),
          );
        } else if (analysis === 'kde') {
          const r = await analyzeKde(store, {
            ...selection,
            cellSizeMeters: optionalNumber('--cell-size', o.cellSize),
            bandwidthMeters: optionalNumber('--bandwidth', o.bandwidth),
            kernel: o.kernel,
          });
          notices(io, locale, r.selection);
          if (r.warnings.includes('BANDWIDTH_BELOW_CELL')) {
            io.err(
              `${translate(locale, 'analyze.bandwidthBelowCell', { bandwidth: Math.round(r.bandwidthMeters), cell: r.grid.cellSizeMeters })}\n`,
            );
          }
          write(o.format === 'csv' ? kdeCsv(r) : JSON.stringify(o.format === 'geojson' ? kdeGeoJson(r) : r));
        } else if (analysis === 'knox') {
          const r = await analyzeKnox(store, {
            ...selection,
            permutations: optionalNumber('--permutations', o.permutations),
            seed: optionalNumber('--seed', o.seed),
            spatialBandsMeters: numberList('--spatial-bands', o.spatialBands),
            temporalBandsDays: numberList('--temporal-bands', o.temporalBands),
          });
          notices(io, locale, r.selection);
          const summary = knoxSummary(r, locale);
          if (o.format === 'csv') {
            for (const line of summary) io.err(`${line}\n`);
            write(knoxCsv(r));
          } else write(JSON.stringify({ ...r, summary }));
        } else if (analysis === 'emerging') {
          const r = await analyzeEmerging(store, {
            ...selection,
            cellSizeMeters: optionalNumber('--cell-size', o.cellSize),
            distanceBandMeters: optionalNumber('--distance-band', o.distanceBand),
            k: optionalNumber('--k', o.k),
            step: o.step,
            timeWindowSteps: optionalNumber('--time-window', o.timeWindow),
            alpha: optionalNumber('--alpha', o.alpha),
          });
          notices(io, locale, r.selection);
          const say = (key: string, params: Record<string, number> = {}) =>
            io.err(`${translate(locale, key, params)}\n`);
          if (r.outsideSteps > 0) say('analyze.outsideSteps', { count: r.outsideSteps });
          if (r.outsideStudyArea > 0) say('analyze.outsideArea', { count: r.outsideStudyArea });
          if (r.warnings.includes('FEW_STEPS')) say('analyze.fewSteps', { count: r.steps.length });
          if (r.warnings.includes('FEW_CELLS')) say('analyze.fewCells', { count: r.cells.length });
          if (r.warnings.includes('NO_VARIATION')) say('analyze.noVariation');
          write(
            o.format === 'csv'
              ? emergingCsv(r)
              : JSON.stringify(o.format === 'geojson' ? emergingGeoJson(r) : r),
          );
        } else {
          const r = await analyzeNni(store, selection);
          notices(io, locale, r.selection);
          write(o.format === 'csv' ? nniCsv(r) : JSON.stringify(r));
        }
      });
    });
}

/** Incidents without location and recurring locations, on stderr. */
function notices(io: Io, locale: Locale, s: SpatialSelection): void {
  if (s.withoutLocation > 0)
    io.err(`${translate(locale, 'analyze.noLocation', { count: s.withoutLocation })}\n`);
  if (s.recurringLocations.length > 0) {
    const top = s.recurringLocations[0]!;
    io.err(
      `${translate(locale, s.recurringExcluded ? 'analyze.recurringExcluded' : 'analyze.recurringIncluded', {
        count: s.recurringLocations.length,
        incidents: s.recurringLocations.reduce((n, l) => n + l.count, 0),
        example: `${top.lat}, ${top.lon} (${top.count})`,
      })}\n`,
    );
  }
}

function optionalNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v))
    throw new VigiaError('INVALID_ARGUMENT', { name, value: text });
  return v;
}

function numberList(name: string, text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  return text.split(',').map((t) => optionalNumber(name, t)!);
}
