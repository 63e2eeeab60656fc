import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_AGENCY, SYNTHETIC_NOTE, type DemoAgency } from './agency.js';
import { incidentsToCsv } from './csv.js';
import { generateDemoIncidents } from './generate-incidents.js';
import { precinctsFeatureCollection, sectorsFeatureCollection } from './geojson.js';
import { demoMapping } from './mapping.js';
import { resolveDemoOptions, type DemoOptions } from './options.js';
import { demoReadme } from './readme.js';
import { generateDemoUnits } from './units.js';

/** Paths of the files written by {@link writeDemoFiles}, and the agency to create for them. */
export interface DemoFiles {
  /** Precincts, GeoJSON FeatureCollection (properties code, name). */
  precinctsGeoJson: string;
  /** Sectors, GeoJSON FeatureCollection (properties code, name, precinct). */
  sectorsGeoJson: string;
  /** Incidents, UTF-8 CSV (see DEMO_CSV_COLUMNS). */
  incidentsCsv: string;
  /** Generic import mapping for the CSV (packages/ingest/src/profiles/mapping.ts). */
  mappingJson: string;
  /** A Spanish README that says what the files are and that they are synthetic. */
  readme: string;
  agency: DemoAgency;
}

/** File names, each saying the data are synthetic. */
export const DEMO_FILE_NAMES = {
  precinctsGeoJson: 'demo-sintetico-precintos.geojson',
  sectorsGeoJson: 'demo-sintetico-sectores.geojson',
  incidentsCsv: 'demo-sintetico-incidentes.csv',
  mappingJson: 'demo-sintetico-mapeo.json',
  readme: 'LEEME-datos-sinteticos.md',
} as const;

/** The contents of the demo files, keyed like {@link DEMO_FILE_NAMES}. Pure and deterministic. */
export function demoFileContents(options: DemoOptions): Record<keyof typeof DEMO_FILE_NAMES, string> {
  const resolved = resolveDemoOptions(options);
  const units = generateDemoUnits(resolved.seed);
  const rows = generateDemoIncidents(units, options);
  const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
  return {
    precinctsGeoJson: json(precinctsFeatureCollection(units)),
    sectorsGeoJson: json(sectorsFeatureCollection(units)),
    incidentsCsv: incidentsToCsv(rows),
    mappingJson: json(demoMapping()),
    readme: demoReadme({
      seed: resolved.seed,
      endDate: options.endDate,
      years: resolved.years,
      rows: rows.length,
      note: SYNTHETIC_NOTE,
    }),
  };
}

/**
 * Writes the synthetic demo data of the fictional Ciudad Esperanza into `dir` (created if missing;
 * existing demo files are overwritten): precinct and sector polygons, about 3 years of incidents, the
 * import mapping and a README. The bytes depend only on `options` (seed, default
 * DEFAULT_DEMO_SEED; endDate; years): UTF-8 without BOM, LF line endings.
 *
 * @param dir - directory to write into.
 * @param options - endDate is the last day of data (local `YYYY-MM-DD`), inclusive.
 * @returns absolute-or-relative paths as `join(dir, name)`, and the agency to create.
 * @throws VigiaError INVALID_DATE / INVALID_ARGUMENT on bad options; file-system errors as thrown by Node.
 */
export async function writeDemoFiles(dir: string, options: DemoOptions): Promise<DemoFiles> {
  const contents = demoFileContents(options);
  await mkdir(dir, { recursive: true });
  const paths = {} as Record<keyof typeof DEMO_FILE_NAMES, string>;
  for (const key of Object.keys(DEMO_FILE_NAMES) as (keyof typeof DEMO_FILE_NAMES)[]) {
    paths[key] = join(dir, DEMO_FILE_NAMES[key]);
    await writeFile(paths[key], contents[key], 'utf8');
  }
  return { ...paths, agency: { ...DEMO_AGENCY } };
}
