export { poissonRateTest } from './poisson-rate-test/poisson-rate-test.js';
export type { PoissonRateTestResult } from './poisson-rate-test/poisson-rate-test.js';
export { percentChange } from './percent-change/percent-change.js';
export { compstatCompare } from './compstat-compare/compstat-compare.js';
export type { CompstatCompareResult } from './compstat-compare/compstat-compare.js';
export { quantileSorted } from './response-time/quantile.js';
export { summarizeResponseTimes } from './response-time/response-stats.js';
export type { ResponseSamples, ResponseTimeStats } from './response-time/response-stats.js';
export { quantilesInPlace } from './response-time/quantile-select.js';
export { histogram, type Histogram } from './response-time/histogram.js';

// Spatial and space-time analytics (issue 4): each validated against R, see docs/methods/.
export { normalTails, twoSidedNormalP } from './normal/normal-cdf.js';
export { SeededRandom } from './random/seeded-random.js';
export {
  projectLonLat,
  unprojectToLonLat,
  utmEpsgFor,
  crsDefinition,
  metricCrsDefinition,
  KNOWN_CRS,
} from './projection/projection.js';
export type { MetricCrs } from './projection/projection.js';
export { gridAroundPoints, gridForExtent, gridCounts, cellCentre } from './grid/square-grid.js';
export type { SquareGrid, GridCounts } from './grid/square-grid.js';
export { cellsInPolygons } from './grid/cells-in-polygons.js';
export { h3Counts, h3Neighbours, h3CellRing } from './grid/h3-cells.js';
export type { H3Counts } from './grid/h3-cells.js';
export { neighboursFromLists, neighbourCount, linkCount } from './weights/neighbours.js';
export type { Neighbours } from './weights/neighbours.js';
export { distanceBandNeighbours } from './weights/distance-band.js';
export { knnNeighbours } from './weights/knn.js';
export { queenContiguity } from './weights/queen-contiguity.js';
export { parseGal } from './weights/gal.js';
export { kernelDensity, defaultBandwidthMeters } from './kde/kernel-density.js';
export type { KdeKernel, KdeOptions, KdeResult } from './kde/kernel-density.js';
export { getisOrdGiStar } from './gistar/gistar.js';
export type { GiStarOptions, GiStarResult } from './gistar/gistar.js';
export { benjaminiHochbergThreshold } from './gistar/fdr.js';
export { moranGlobal } from './moran/moran-global.js';
export type { MoranGlobalResult, MoranInference } from './moran/moran-global.js';
export { moranLocal } from './moran/moran-local.js';
export type { LocalMoranResult, LocalMoranInference, LisaQuadrant } from './moran/moran-local.js';
export { nearestNeighbourIndex } from './nni/nearest-neighbour-index.js';
export type { NearestNeighbourIndexResult } from './nni/nearest-neighbour-index.js';
export { polygonArea } from './nni/polygon-area.js';
export { knoxNearRepeat } from './knox/knox.js';
export type { KnoxCell, KnoxOptions, KnoxResult } from './knox/knox.js';
export { poissonUpperTail } from './knox/poisson-upper-tail.js';
export { mannKendall } from './trend/mann-kendall.js';
export type { MannKendallResult } from './trend/mann-kendall.js';
export { emergingHotSpots } from './emerging/emerging-hot-spots.js';
export type { EmergingLocation, EmergingOptions } from './emerging/emerging-hot-spots.js';
export { classifyEmerging, EMERGING_CATEGORIES } from './emerging/classify.js';
export type { EmergingCategory } from './emerging/classify.js';
export { recurringLocations } from './fallback-locations/recurring-locations.js';
export type {
  RecurringLocation,
  RecurringLocationsOptions,
  RecurringLocationsResult,
} from './fallback-locations/recurring-locations.js';
