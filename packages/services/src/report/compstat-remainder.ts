import { percentChange } from '@vigia/analysis';
import type { CompstatCell, CompstatReport, CompstatRow } from './compstat-report.js';

const WINDOWS = ['wtd', 'd28', 'ytd'] as const;

/**
 * The rows that make a book page add up: when a report shows one parent (the agency or a unit) followed
 * by units of a single lower level, the parent's counts minus the sum of those units, per category and
 * window. They are incidents in the parent but in none of the units shown: no location and no source
 * unit, outside the map, or counted at the parent's level because the source named it and the point
 * fell in another unit. Counts only: no test is run on a remainder (significant is always false).
 *
 * @returns the remainder rows (unit "", the children's level), or [] when the report is not shaped
 *   that way or everything adds up.
 */
export function compstatRemainder(report: CompstatReport): CompstatRow[] {
  const blocks: CompstatRow[][] = [];
  for (const row of report.rows) {
    const last = blocks.at(-1);
    if (last && last[0]!.unit === row.unit && last[0]!.level === row.level) last.push(row);
    else blocks.push([row]);
  }
  const [parent, ...children] = blocks;
  if (!parent || children.length === 0) return [];
  const level = children[0]![0]!.level;
  if (level === parent[0]!.level || children.some((b) => b[0]!.level !== level)) return [];
  const rows = parent.map((p) => {
    const cell = (w: (typeof WINDOWS)[number]): CompstatCell => {
      let current = p[w].current;
      let previous = p[w].previous;
      for (const b of children) {
        const r = b.find((x) => x.category === p.category);
        current -= r?.[w].current ?? 0;
        previous -= r?.[w].previous ?? 0;
      }
      const change = current - previous;
      return {
        current,
        previous,
        change,
        pctChange: percentChange(current, previous),
        pValue: 1,
        significant: false,
      };
    };
    return {
      unit: '',
      unitName: '',
      level,
      category: p.category,
      wtd: cell('wtd'),
      d28: cell('d28'),
      ytd: cell('ytd'),
    };
  });
  const any = rows.some((r) => WINDOWS.some((w) => r[w].current !== 0 || r[w].previous !== 0));
  return any ? rows : [];
}
