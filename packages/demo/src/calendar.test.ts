import { dayNumber, parseLocalDate } from '@vigia/domain';
import { describe, expect, it } from 'vitest';
import { dailyFactor, demoDay, easterSunday } from './calendar.js';
import { DEMO_OFFENSE_LABELS } from './offense-labels.js';

describe('calendar', () => {
  it('dates Easter Sunday (Gregorian)', () => {
    expect(easterSunday(2019)).toBe(dayNumber(2019, 4, 21));
    expect(easterSunday(2024)).toBe(dayNumber(2024, 3, 31));
    expect(easterSunday(2025)).toBe(dayNumber(2025, 4, 20));
    expect(easterSunday(2038)).toBe(dayNumber(2038, 4, 25));
  });

  it('marks Carnival (Saturday to Tuesday before Ash Wednesday) and paydays', () => {
    // Carnival 2025 in Panama: 1–4 March.
    expect(demoDay(parseLocalDate('2025-02-28')).holidays).not.toContain('carnaval');
    expect(demoDay(parseLocalDate('2025-03-01')).holidays).toContain('carnaval');
    expect(demoDay(parseLocalDate('2025-03-04')).holidays).toContain('carnaval');
    expect(demoDay(parseLocalDate('2025-03-05')).holidays).not.toContain('carnaval');
    expect(demoDay(parseLocalDate('2024-02-29')).holidays).toContain('quincena');
    expect(demoDay(parseLocalDate('2024-03-01')).weekday).toBe(5);
  });

  it('raises fights in Carnival and lowers theft in the rainy season', () => {
    const fights = DEMO_OFFENSE_LABELS.find((o) => o.category === 'simple_assault')!;
    const theft = DEMO_OFFENSE_LABELS.find((o) => o.category === 'theft')!;
    const carnival = demoDay(parseLocalDate('2025-03-03')); // Monday of Carnival
    const monday = demoDay(parseLocalDate('2025-03-10'));
    expect(dailyFactor(fights, carnival, 0)).toBeGreaterThan(1.4 * dailyFactor(fights, monday, 0));
    const dry = demoDay(parseLocalDate('2025-01-22')); // Wednesday
    const rainy = demoDay(parseLocalDate('2025-07-23')); // Wednesday
    expect(dailyFactor(theft, dry, 0)).toBeGreaterThan(1.2 * dailyFactor(theft, rainy, 0));
  });
});
