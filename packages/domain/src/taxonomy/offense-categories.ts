/**
 * Canonical offense categories, most serious first.
 *
 * The order is the hierarchy rule: an incident with several offenses counts once, under the first of
 * its categories in this list (as the FBI UCR Summary hierarchy rule does for Part I offenses:
 * homicide, rape, robbery, aggravated assault, burglary, larceny-theft, motor vehicle theft). Categories
 * outside UCR Part I follow in an order chosen for Central American penal codes (extortion and
 * domestic violence are reported separately there) and is documented in docs/methods/counting-rules.md.
 *
 * Each category maps to its UNODC ICCS code (International Classification of Crime for Statistical
 * Purposes, version 1.0, 2015) and its FBI NIBRS offense code(s) / UCR group.
 */
export const OFFENSE_CATEGORIES = [
  {
    code: 'homicide',
    iccs: '0101',
    iccsLabel: 'Intentional homicide',
    nibrs: '09A',
    ucr: 'Part I — Criminal homicide',
  },
  {
    code: 'sexual_assault',
    iccs: '0301',
    iccsLabel: 'Sexual violence',
    nibrs: '11A-11D',
    ucr: 'Part I — Rape',
  },
  { code: 'robbery', iccs: '0401', iccsLabel: 'Robbery', nibrs: '120', ucr: 'Part I — Robbery' },
  {
    code: 'aggravated_assault',
    iccs: '02011',
    iccsLabel: 'Serious assault',
    nibrs: '13A',
    ucr: 'Part I — Aggravated assault',
  },
  { code: 'burglary', iccs: '0501', iccsLabel: 'Burglary', nibrs: '220', ucr: 'Part I — Burglary' },
  { code: 'theft', iccs: '0502', iccsLabel: 'Theft', nibrs: '23A-23H', ucr: 'Part I — Larceny-theft' },
  {
    code: 'motor_vehicle_theft',
    iccs: '05021',
    iccsLabel: 'Theft of a motorized land vehicle',
    nibrs: '240',
    ucr: 'Part I — Motor vehicle theft',
  },
  {
    code: 'extortion',
    iccs: '02051',
    iccsLabel: 'Extortion',
    nibrs: '210',
    ucr: 'Part II — All other offenses',
  },
  {
    code: 'domestic_violence',
    iccs: '0201',
    iccsLabel: 'Assaults and threats (family/intimate partner disaggregation)',
    nibrs: '13A-13C',
    ucr: 'Part II — Offenses against the family',
  },
  {
    code: 'simple_assault',
    iccs: '02012',
    iccsLabel: 'Minor assault',
    nibrs: '13B',
    ucr: 'Part II — Other assaults',
  },
  {
    code: 'weapons',
    iccs: '0901',
    iccsLabel: 'Acts involving weapons, explosives and other destructive materials',
    nibrs: '520',
    ucr: 'Part II — Weapons',
  },
  {
    code: 'drugs',
    iccs: '0601',
    iccsLabel: 'Unlawful acts involving controlled drugs or precursors',
    nibrs: '35A-35B',
    ucr: 'Part II — Drug abuse violations',
  },
  {
    code: 'other',
    iccs: '11',
    iccsLabel: 'Other criminal acts not elsewhere classified',
    nibrs: '90Z',
    ucr: 'Part II — All other offenses',
  },
  {
    code: 'unclassified',
    iccs: '',
    iccsLabel: 'Not classified: the source label has no mapping yet',
    nibrs: '',
    ucr: '',
  },
] as const;

/** A canonical offense category code, e.g. `"aggravated_assault"`. */
export type OffenseCategory = (typeof OFFENSE_CATEGORIES)[number]['code'];

/** One row of the taxonomy. */
export type OffenseCategoryInfo = (typeof OFFENSE_CATEGORIES)[number];

/** Category codes, most serious first. */
export const OFFENSE_CATEGORY_CODES: readonly OffenseCategory[] = OFFENSE_CATEGORIES.map((c) => c.code);

const RANK = new Map<string, number>(OFFENSE_CATEGORY_CODES.map((c, i) => [c, i]));

/** True when `value` is a canonical category code. */
export function isOffenseCategory(value: unknown): value is OffenseCategory {
  return typeof value === 'string' && RANK.has(value);
}

/** Hierarchy rank: 0 is the most serious. */
export function severityRank(category: OffenseCategory): number {
  return RANK.get(category) ?? OFFENSE_CATEGORY_CODES.length;
}

/**
 * The most serious category among `categories` (the UCR hierarchy rule), or `"unclassified"` when the
 * list is empty. An unclassified offense never outranks a classified one.
 */
export function mostSerious(categories: readonly OffenseCategory[]): OffenseCategory {
  let best: OffenseCategory = 'unclassified';
  for (const c of categories) if (severityRank(c) < severityRank(best)) best = c;
  return best;
}
