export { poissonRateTest } from './poisson-rate-test/poisson-rate-test.js';
export type { PoissonRateTestResult } from './poisson-rate-test/poisson-rate-test.js';
export { percentChange } from './percent-change/percent-change.js';
export { compstatCompare } from './compstat-compare/compstat-compare.js';
export type { CompstatCompareResult } from './compstat-compare/compstat-compare.js';
export { quantileSorted } from './response-time/quantile.js';
export { responseTimeStats } from './response-time/response-stats.js';
export type { MeasuredCall, ResponseTimeStats } from './response-time/response-stats.js';
