export { poissonRateTest } from './poisson-rate-test/poisson-rate-test.js';
export type { PoissonRateTestResult } from './poisson-rate-test/poisson-rate-test.js';
export { percentChange } from './percent-change/percent-change.js';
export { compstatCompare } from './compstat-compare/compstat-compare.js';
export type { CompstatCompareResult } from './compstat-compare/compstat-compare.js';
