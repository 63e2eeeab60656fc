import { VigiaError } from '@vigia/domain';

/** One shift of the duty roster: a name and its local start time as minutes after midnight. */
export interface ShiftDefinition {
  name: string;
  startMinute: number;
}

/**
 * Default response-time targets per priority, seconds: priority 1 within 7 minutes (the goal Seattle
 * and many US departments publish for emergencies). Other priorities have no target until the agency
 * sets one (`--targets 1=7,2=15`).
 */
export const DEFAULT_RESPONSE_TARGETS_SEC: Readonly<Record<string, number>> = { '1': 420 };

/** Default shifts: three 8-hour watches starting 07:00 (day), 15:00 (evening) and 23:00 (night). */
export const DEFAULT_SHIFTS: readonly ShiftDefinition[] = [
  { name: 'day', startMinute: 7 * 60 },
  { name: 'evening', startMinute: 15 * 60 },
  { name: 'night', startMinute: 23 * 60 },
];

/**
 * Parses `--targets` text: comma-separated `PRIORITY=MINUTES` (decimals allowed), e.g. `1=7,2=15`.
 * @param name - the option's name in error messages (`targets` for the API).
 * @returns seconds per priority.
 * @throws VigiaError INVALID_ARGUMENT naming the bad part.
 */
export function parseTargets(text: string, name = '--targets'): Record<string, number> {
  const targets: Record<string, number> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([^=\s]+)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!m) throw new VigiaError('INVALID_ARGUMENT', { name, value: part });
    targets[m[1]!] = Math.round(Number(m[2]) * 60);
  }
  return targets;
}

/**
 * Parses `--shifts` text: comma-separated `NAME=HH:mm` start times, e.g. `day=07:00,night=19:00`.
 * A shift runs from its start to the next one's; the last runs past midnight to the first.
 * @throws VigiaError INVALID_ARGUMENT for a bad part, a repeated start or no shift at all.
 */
export function parseShifts(text: string, name = '--shifts'): ShiftDefinition[] {
  const shifts = text.split(',').map((part) => {
    const m = /^\s*([^=\s]+)\s*=\s*(\d{1,2}):(\d{2})\s*$/.exec(part);
    const h = Number(m?.[2]);
    const mi = Number(m?.[3]);
    if (!m || h > 23 || mi > 59) throw new VigiaError('INVALID_ARGUMENT', { name, value: part });
    return { name: m[1]!, startMinute: h * 60 + mi };
  });
  const starts = new Set(shifts.map((s) => s.startMinute));
  if (shifts.length === 0 || starts.size !== shifts.length) {
    throw new VigiaError('INVALID_ARGUMENT', { name, value: text });
  }
  return shifts.sort((a, b) => a.startMinute - b.startMinute);
}

/**
 * The shift a local minute of the day falls in: the last shift starting at or before it, or, before
 * the first start, the last shift (it began the evening before).
 * @param shifts - sorted by startMinute, non-empty.
 */
export function shiftOf(shifts: readonly ShiftDefinition[], minuteOfDay: number): string {
  let name = shifts[shifts.length - 1]!.name;
  for (const s of shifts) {
    if (s.startMinute <= minuteOfDay) name = s.name;
    else break;
  }
  return name;
}
