/**
 * @vigia/demo — a deterministic generator of clearly labelled SYNTHETIC demo data for the fictional
 * Ciudad Esperanza: precinct and sector polygons, about 3 years of incidents with realistic patterns
 * and a few deliberate data problems, and the import mapping that reads them. See docs/demo-data.md.
 */
export { DEMO_AGENCY, SYNTHETIC_NOTE, type DemoAgency } from './agency.js';
export {
  dailyFactor,
  demoDay,
  easterSunday,
  HOLIDAY_EFFECTS,
  type DemoDay,
  type HolidayName,
} from './calendar.js';
export { incidentsToCsv } from './csv.js';
export {
  DEMO_PROBLEM_KINDS,
  DEMO_PROBLEMS,
  demoProblemCounts,
  injectDataProblems,
  type DemoProblemKind,
} from './data-problems.js';
export { DEMO_FILE_NAMES, demoFileContents, writeDemoFiles, type DemoFiles } from './demo-files.js';
export { generateDemoIncidents } from './generate-incidents.js';
export {
  precinctsFeatureCollection,
  sectorsFeatureCollection,
  type DemoFeatureCollection,
  type DemoPrecinctProperties,
  type DemoSectorProperties,
} from './geojson.js';
export {
  DEMO_FLARE_UPS,
  DEMO_HOT_SPOTS,
  flareRatePerDay,
  type DemoFlareUp,
  type DemoHotSpot,
} from './hot-spots.js';
export { DEMO_CSV_COLUMNS, demoMapping, type DemoMapping } from './mapping.js';
export {
  DEMO_OFFENSE_LABELS,
  DEMO_UNMAPPED_LABEL,
  type DemoOffenseLabel,
  type HourProfileName,
} from './offense-labels.js';
export {
  DEFAULT_DEMO_SEED,
  resolveDemoOptions,
  type DemoOptions,
  type ResolvedDemoOptions,
} from './options.js';
export { createRng, deriveSeed, type Rng } from './prng.js';
export { demoReadme, type DemoReadmeInput } from './readme.js';
export { formatCoordinate, formatFechaHecho, incidentToRow, type DemoIncidentRow } from './rows.js';
export { simulateIncidents, type DemoIncident, type DemoStatusLabel } from './simulate.js';
export { DEMO_STATUS_LABELS } from './statuses.js';
export { HOUR_PROFILES, hourWeights } from './time-of-day.js';
export {
  DEMO_CITY_BBOX,
  findSector,
  generateDemoUnits,
  type Bbox,
  type DemoPrecinct,
  type DemoSector,
  type DemoUnits,
  type PolygonGeometry,
} from './units.js';
