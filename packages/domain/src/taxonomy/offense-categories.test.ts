import { describe, expect, it } from 'vitest';
import {
  OFFENSE_CATEGORIES,
  OFFENSE_CATEGORY_CODES,
  isOffenseCategory,
  mostSerious,
  severityRank,
  type OffenseCategory,
} from './offense-categories.js';

/** The FBI UCR Summary hierarchy of Part I offenses (arson excepted), most serious first. */
const UCR_PART_I: OffenseCategory[] = [
  'homicide',
  'sexual_assault',
  'robbery',
  'aggravated_assault',
  'burglary',
  'theft',
  'motor_vehicle_theft',
];

describe('offense taxonomy', () => {
  it('category codes are unique and listed in OFFENSE_CATEGORY_CODES in the same order', () => {
    const codes = OFFENSE_CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...OFFENSE_CATEGORY_CODES]).toEqual(codes);
  });

  it('every category except unclassified has an ICCS and a NIBRS code', () => {
    for (const c of OFFENSE_CATEGORIES) {
      if (c.code === 'unclassified') {
        expect(c.iccs).toBe('');
        expect(c.nibrs).toBe('');
        continue;
      }
      expect(c.iccs.trim(), c.code).not.toBe('');
      expect(c.iccs, c.code).toMatch(/^\d{2,6}$/);
      expect(c.nibrs.trim(), c.code).not.toBe('');
      expect(c.nibrs, c.code).toMatch(/^\d{2}[0-9A-Z](-\d{2}[0-9A-Z])?$/);
      expect(c.iccsLabel.trim(), c.code).not.toBe('');
      expect(c.ucr.trim(), c.code).not.toBe('');
    }
  });

  it('ICCS codes of the UCR Part I categories are distinct', () => {
    const iccs = OFFENSE_CATEGORIES.filter((c) => UCR_PART_I.includes(c.code)).map((c) => c.iccs);
    expect(new Set(iccs).size).toBe(UCR_PART_I.length);
  });

  it('the UCR Part I categories come first, in hierarchy order, and unclassified is last', () => {
    expect(OFFENSE_CATEGORY_CODES.slice(0, UCR_PART_I.length)).toEqual(UCR_PART_I);
    expect(OFFENSE_CATEGORY_CODES.at(-1)).toBe('unclassified');
    for (let i = 0; i + 1 < UCR_PART_I.length; i++) {
      expect(severityRank(UCR_PART_I[i]!)).toBeLessThan(severityRank(UCR_PART_I[i + 1]!));
    }
  });

  it('mostSerious follows the UCR hierarchy for every pair of Part I offenses', () => {
    for (let i = 0; i < UCR_PART_I.length; i++) {
      for (let j = 0; j < UCR_PART_I.length; j++) {
        const a = UCR_PART_I[i]!;
        const b = UCR_PART_I[j]!;
        expect(mostSerious([a, b]), `${a} vs ${b}`).toBe(UCR_PART_I[Math.min(i, j)]);
      }
    }
    expect(mostSerious(['motor_vehicle_theft', 'theft', 'burglary', 'robbery'])).toBe('robbery');
    expect(mostSerious(['theft', 'homicide', 'sexual_assault'])).toBe('homicide');
  });

  it('unclassified never outranks a classified category, and an empty list is unclassified', () => {
    for (const c of OFFENSE_CATEGORY_CODES) {
      expect(mostSerious(['unclassified', c])).toBe(c);
      expect(mostSerious([c, 'unclassified'])).toBe(c);
      expect(mostSerious([c])).toBe(c);
    }
    expect(mostSerious([])).toBe('unclassified');
    expect(mostSerious(['unclassified', 'unclassified'])).toBe('unclassified');
  });

  it('isOffenseCategory accepts the codes only', () => {
    for (const c of OFFENSE_CATEGORY_CODES) expect(isOffenseCategory(c)).toBe(true);
    for (const v of ['', '*', 'Homicide', 'HOMICIDE', 'murder', 'toString', 'constructor', null, 3]) {
      expect(isOffenseCategory(v), String(v)).toBe(false);
    }
  });
});
