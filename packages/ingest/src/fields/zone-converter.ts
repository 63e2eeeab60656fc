import { DateTime, IANAZone } from 'luxon';
import { utcMs } from '@vigia/domain';
import type { LocalDateTime } from './date-format.js';
import { localText } from './date-format.js';

/**
 * Converts local wall times of one IANA time zone to UTC instants and back, with luxon's time zone
 * rules, caching the UTC offset per local day so a 2-million-row import asks luxon a few thousand
 * times instead of millions (luxon costs ~14 µs a call here).
 *
 * A day is cached only when its offset is the same at 00:00 and 23:59:59 and luxon keeps both wall
 * times as given; on days containing a transition (daylight-saving changes) the same test is made per
 * hour, and only the hour of the change itself is converted row by row. Disambiguation follows luxon's
 * steps with one fixed first guess, the zone's standard offset of that year (the smaller of its 1
 * January and 1 July offsets), instead of luxon's "offset now": a wall time in the spring-forward gap
 * moves forward by the gap (02:30 → 03:30 CDT), and a repeated fall-back wall time is always read in
 * standard time, its later occurrence (01:30 → 07:30 UTC in Chicago), whatever the date the import
 * runs. (luxon alone gives the daylight-time reading when run in summer.)
 * The local date used for counting is always the one written in the source, so neither case moves an
 * incident to another day.
 *
 * @see luxon DateTime.fromObject (https://moment.github.io/luxon/), IANA tz database.
 */
export class ZoneConverter {
  readonly timeZone: string;
  private readonly dayOffset = new Map<number, number | null>();
  private readonly hourOffset = new Map<number, number | null>();
  private readonly zone: IANAZone | null;
  /** First guess of an offset per year: the zone's standard offset (see wallInZone). */
  private readonly standardOffset = new Map<number, number>();
  /** The day key and offset of the last {@link instantOfWall} (see there). */
  private lastDay = -1;
  private lastDayOffset: number | null = null;

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.zone = IANAZone.isValidZone(timeZone) ? IANAZone.create(timeZone) : null;
  }

  /** UTC epoch milliseconds of a local wall time in this zone (or of the offset the text carried). */
  toInstant(v: LocalDateTime): number {
    return this.instantOfWall(utcMs(v.y, v.mo, v.d, v.h, v.mi, v.s, v.ms), v);
  }

  /**
   * {@link toInstant} for a caller that has already computed `wallAsUtc`, the wall time `v` read as
   * if it were UTC (`utcMs` of all its fields, milliseconds included).
   */
  instantOfWall(wallAsUtc: number, v: LocalDateTime): number {
    if (v.offsetMinutes !== null) return wallAsUtc - v.offsetMinutes * 60_000;
    const key = (v.y * 100 + v.mo) * 100 + v.d;
    let offset: number | null | undefined;
    // Rows come mostly in date order: the last day's offset spares most lookups.
    if (key === this.lastDay) offset = this.lastDayOffset;
    else {
      offset = this.dayOffset.get(key);
      if (offset === undefined) {
        offset = this.dayOffsetOf(v);
        this.dayOffset.set(key, offset);
      }
      this.lastDay = key;
      this.lastDayOffset = offset;
    }
    if (offset !== null) return wallAsUtc - offset * 60_000;
    // A day with a transition: the same test per hour, so only the hour of the change goes row by row.
    const hourKey = key * 100 + v.h;
    let hourOffset = this.hourOffset.get(hourKey);
    if (hourOffset === undefined) {
      hourOffset = this.hourOffsetOf(v);
      this.hourOffset.set(hourKey, hourOffset);
    }
    if (hourOffset !== null) return wallAsUtc - hourOffset * 60_000;
    const exact = this.wallInZone(v.y, v.mo, v.d, v.h, v.mi, v.s, v.ms);
    return exact ? exact[0] : this.luxonLocal(v).toMillis();
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

  /**
   * What `DateTime.fromObject(v, { zone })` gives for a valid wall time, as [epoch ms, offset in
   * minutes, local day, hour, minute], by luxon's own steps (objToLocalTS, fixOffset, tsToObj) with
   * the zone's `offset(ts)`: the day and hour checks below run for every day of an import, and
   * fromObject costs twice the offset lookups; and its first guess here is the standard offset, not
   * the offset now, so an ambiguous wall time reads the same on any day.
   * Null when the zone is not one luxon knows (then luxon itself decides).
   */
  private wallInZone(
    y: number,
    mo: number,
    d: number,
    h: number,
    mi: number,
    s: number,
    ms: number,
  ): [number, number, number, number, number] | null {
    const zone = this.zone;
    if (zone === null) return null;
    let guess = this.standardOffset.get(y);
    if (guess === undefined) {
      guess = Math.min(zone.offset(Date.UTC(y, 0, 1)), zone.offset(Date.UTC(y, 6, 1)));
      this.standardOffset.set(y, guess);
    }
    let localTs = utcMs(y, mo, d, h, mi, s, ms);
    if (y < 100 && y >= 0) {
      const t = new Date(localTs);
      t.setUTCFullYear(y, mo - 1, d);
      localTs = +t;
    }
    // luxon's fixOffset, from the standard offset
    const o = guess;
    let ts = localTs - o * 60_000;
    let offset = o;
    const o2 = zone.offset(ts);
    if (o2 !== o) {
      ts -= (o2 - o) * 60_000;
      const o3 = zone.offset(ts);
      if (o2 === o3) offset = o2;
      else {
        ts = localTs - Math.min(o2, o3) * 60_000;
        offset = Math.max(o2, o3);
      }
    }
    const local = new Date(ts + offset * 60_000);
    return [ts, offset, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes()];
  }

  private hourOffsetOf(v: LocalDateTime): number | null {
    const start = this.wallInZone(v.y, v.mo, v.d, v.h, 0, 0, 0);
    const end = this.wallInZone(v.y, v.mo, v.d, v.h, 59, 59, 999);
    if (start && end) {
      const kept = (t: number[], minute: number) => t[2] === v.d && t[3] === v.h && t[4] === minute;
      if (!kept(start, 0) || !kept(end, 59) || Number.isNaN(start[1])) return null;
      return start[1] === end[1] ? start[1] : null;
    }
    return this.luxonHourOffsetOf(v);
  }

  private dayOffsetOf(v: LocalDateTime): number | null {
    const start = this.wallInZone(v.y, v.mo, v.d, 0, 0, 0, 0);
    const end = this.wallInZone(v.y, v.mo, v.d, 23, 59, 59, 999);
    if (start && end) {
      if (start[3] !== 0 || end[3] !== 23 || start[2] !== v.d || end[2] !== v.d || Number.isNaN(start[1])) {
        return null;
      }
      return start[1] === end[1] ? start[1] : null;
    }
    return this.luxonDayOffsetOf(v);
  }

  /** {@link hourOffsetOf} through DateTime.fromObject (a zone luxon does not know). */
  private luxonHourOffsetOf(v: LocalDateTime): number | null {
    const start = this.luxonLocal({ ...v, mi: 0, s: 0, ms: 0 });
    const end = this.luxonLocal({ ...v, mi: 59, s: 59, ms: 999 });
    const kept = (t: DateTime, minute: number) =>
      t.isValid && t.day === v.d && t.hour === v.h && t.minute === minute;
    if (!kept(start, 0) || !kept(end, 59)) return null;
    return start.offset === end.offset ? start.offset : null;
  }

  /** {@link dayOffsetOf} through DateTime.fromObject (a zone luxon does not know). */
  private luxonDayOffsetOf(v: LocalDateTime): number | null {
    const start = this.luxonLocal({ ...v, h: 0, mi: 0, s: 0, ms: 0 });
    const end = this.luxonLocal({ ...v, h: 23, mi: 59, s: 59, ms: 999 });
    if (!start.isValid || start.hour !== 0 || end.hour !== 23 || start.day !== v.d || end.day !== v.d)
      return null;
    return start.offset === end.offset ? start.offset : null;
  }
}
