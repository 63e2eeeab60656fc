import type { LocalDateTime } from './date-format.js';

const DAY_MS = 86_400_000;
/** 1899-12-30, day 0 of the Excel 1900 date system as Excel counts (it includes the fictitious 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Converts an Excel serial date (1900 date system: days since 1899-12-30, fraction = time of day) to a
 * wall time. Serials 1–60 fall before Excel's fictitious 29 February 1900 and are rejected, as are
 * values outside 1900–9999. Seconds are rounded to the nearest whole second (Excel stores binary floats).
 *
 * @returns the wall time (no zone: Excel has none), or null when `serial` is not a usable date.
 * @see ECMA-376 Part 1, §18.17.4.1 (date representation); Microsoft KB 214326 (1900 leap-year bug).
 */
export function excelSerialToWallTime(serial: number): LocalDateTime | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2958466) return null;
  const ms = Math.round((serial * DAY_MS) / 1000) * 1000 + EXCEL_EPOCH_MS;
  const d = new Date(ms);
  const hasTime = serial % 1 !== 0;
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    ms: 0,
    hasTime,
    offsetMinutes: null,
  };
}
