/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (local = UTC + offset). */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return local - Math.floor(ms / 1000) * 1000;
}

/**
 * The UTC instant (ISO 8601) at which local date `day` (YYYY-MM-DD) begins in `timeZone` (IANA), plus
 * `addDays` days: the audit filters take instants, people pick days in the agency's zone. Midnight that
 * does not exist (a daylight-saving jump at 00:00) resolves to the first instant after it.
 */
export function zonedDayStart(day: string, timeZone: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d + addDays);
  let t = wall - offsetAt(wall, timeZone);
  t = wall - offsetAt(t, timeZone);
  return new Date(t).toISOString();
}
