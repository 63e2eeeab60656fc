import { DateTime } from 'luxon';
import type { LocalDateTime } from './date-format.js';
import { localText } from './date-format.js';

/**
 * Converts local wall times of one IANA time zone to UTC instants and back, with luxon's time zone
 * rules, caching the UTC offset per local day so a 2-million-row import asks luxon a few thousand
 * times instead of millions (luxon costs ~14 µs a call here).
 *
 * A day is cached only when its offset is the same at 00:00 and 23:59:59 and luxon keeps both wall
 * times as given; days containing a transition (daylight-saving changes) are converted row by row. Disambiguation is luxon's: a wall time in the spring-forward gap moves forward
 * by the gap (02:30 → 03:30 CDT); a repeated fall-back wall time takes one fixed offset (see the test).
 * The local date used for counting is always the one written in the source, so neither case moves an
 * incident to another day.
 *
 * @see luxon DateTime.fromObject (https://moment.github.io/luxon/), IANA tz database.
 */
export class ZoneConverter {
  readonly timeZone: string;
  private readonly dayOffset = new Map<number, number | null>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  /** UTC epoch milliseconds of a local wall time in this zone (or of the offset the text carried). */
  toInstant(v: LocalDateTime): number {
    const wallAsUtc = Date.UTC(v.y, v.mo - 1, v.d, v.h, v.mi, v.s, v.ms);
    if (v.offsetMinutes !== null) return wallAsUtc - v.offsetMinutes * 60_000;
    const key = (v.y * 100 + v.mo) * 100 + v.d;
    let offset = this.dayOffset.get(key);
    if (offset === undefined) {
      offset = this.dayOffsetOf(v);
      this.dayOffset.set(key, offset);
    }
    if (offset !== null) return wallAsUtc - offset * 60_000;
    return this.luxonLocal(v).toMillis();
  }

  /** Local wall time text `YYYY-MM-DDTHH:mm:ss` of a UTC instant in this zone. */
  toLocalText(epochMs: number): string {
    const dt = DateTime.fromMillis(epochMs, { zone: this.timeZone });
    return localText({
      y: dt.year,
      mo: dt.month,
      d: dt.day,
      h: dt.hour,
      mi: dt.minute,
      s: dt.second,
      ms: 0,
      hasTime: true,
      offsetMinutes: null,
    });
  }

  private luxonLocal(v: LocalDateTime): DateTime {
    return DateTime.fromObject(
      { year: v.y, month: v.mo, day: v.d, hour: v.h, minute: v.mi, second: v.s, millisecond: v.ms },
      { zone: this.timeZone },
    );
  }

  private dayOffsetOf(v: LocalDateTime): number | null {
    const start = this.luxonLocal({ ...v, h: 0, mi: 0, s: 0, ms: 0 });
    const end = this.luxonLocal({ ...v, h: 23, mi: 59, s: 59, ms: 999 });
    if (!start.isValid || start.hour !== 0 || end.hour !== 23 || start.day !== v.d || end.day !== v.d)
      return null;
    return start.offset === end.offset ? start.offset : null;
  }
}
