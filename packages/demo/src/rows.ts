import { ymdOf } from '@vigia/domain';
import type { DemoProblemKind } from './data-problems.js';
import type { DemoIncident } from './simulate.js';

/**
 * One row of the demo incidents CSV, as text, keyed by column name (see DEMO_CSV_COLUMNS). `problem`
 * is not written: it tells tests and docs which deliberate data problem, if any, the row carries.
 */
export interface DemoIncidentRow {
  id_caso: string;
  /** Local time `dd/MM/yyyy HH:mm`, or a deliberately broken value. */
  fecha_hecho: string;
  delito: string;
  estado: string;
  sector: string;
  /** Degrees with 6 decimals, or "" / "N/D" / a misplaced value on problem rows. */
  longitud: string;
  latitud: string;
  problem: DemoProblemKind | null;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Formats a local date and time as `dd/MM/yyyy HH:mm` (Panamanian style). */
export function formatFechaHecho(day: number, minuteOfDay: number): string {
  const { y, m, d } = ymdOf(day);
  return `${pad2(d)}/${pad2(m)}/${y} ${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

/** Formats a coordinate in degrees with exactly 6 decimals (≈ 0.1 m), e.g. "-79.512345". */
export function formatCoordinate(deg: number): string {
  return deg.toFixed(6);
}

/** The CSV row of a simulated incident, with no data problem. */
export function incidentToRow(inc: DemoIncident): DemoIncidentRow {
  return {
    id_caso: inc.id,
    fecha_hecho: formatFechaHecho(inc.day, inc.minute),
    delito: inc.offense.label,
    estado: inc.status,
    sector: inc.sector,
    longitud: formatCoordinate(inc.lon),
    latitud: formatCoordinate(inc.lat),
    problem: null,
  };
}
