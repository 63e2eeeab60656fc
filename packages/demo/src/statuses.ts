import type { IncidentStatus } from '@vigia/domain';

/** Source status labels of the demo records system and the status each maps to. */
export const DEMO_STATUS_LABELS: Readonly<Record<'REPORTADO' | 'INFUNDADO' | 'ESCLARECIDO', IncidentStatus>> =
  Object.freeze({ REPORTADO: 'reported', INFUNDADO: 'unfounded', ESCLARECIDO: 'cleared' });

/** Share of incidents later found unfounded (did not happen), about 1 %, as in many forces' data. */
export const DEMO_UNFOUNDED_SHARE = 0.01;

/**
 * Days it takes for clearances to build up: an incident `ageDays` old is cleared with probability
 * `clearanceRate × min(1, ageDays / DEMO_CLEARANCE_RAMP_DAYS)`, so the latest weeks look open, as real
 * data do.
 */
export const DEMO_CLEARANCE_RAMP_DAYS = 90;
