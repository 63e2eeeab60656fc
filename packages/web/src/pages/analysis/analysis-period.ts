const DAY_MS = 86_400_000;

/** A local date `YYYY-MM-DD` moved by `days` (calendar arithmetic in UTC: no time zone can shift it). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Sunday (last day) of an ISO week `YYYY-Www` as `YYYY-MM-DD`. */
export function isoWeekSunday(week: string): string {
  const year = Number(week.slice(0, 4));
  const w = Number(week.slice(6));
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = jan4 - weekday * DAY_MS + (w - 1) * 7 * DAY_MS;
  return new Date(monday + 6 * DAY_MS).toISOString().slice(0, 10);
}

/** The Analysis page's default period: the 52 whole weeks ending on the Sunday of `week`. */
export function defaultPeriod(week: string): { from: string; to: string } {
  const to = isoWeekSunday(week);
  return { from: addDays(to, -7 * 52 + 1), to };
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isDate(text: string | undefined): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const t = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(text); // 2019-02-30 parses as 2 March
}
