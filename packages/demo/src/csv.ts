import { DEMO_CSV_COLUMNS } from './mapping.js';
import type { DemoIncidentRow } from './rows.js';

const NEEDS_QUOTES = /[",\r\n]/;

/** Quotes a field when it holds a comma, a double quote or a line break (RFC 4180). */
function field(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Serializes rows as the demo CSV: the header `id_caso,fecha_hecho,delito,estado,sector,longitud,latitud`,
 * one line per row, comma-separated, LF line endings (including after the last row), no BOM. The
 * caller writes it as UTF-8.
 */
export function incidentsToCsv(rows: readonly DemoIncidentRow[]): string {
  let out = DEMO_CSV_COLUMNS.join(',') + '\n';
  for (const r of rows) {
    out += `${field(r.id_caso)},${field(r.fecha_hecho)},${field(r.delito)},${field(r.estado)},`;
    out += `${field(r.sector)},${field(r.longitud)},${field(r.latitud)}\n`;
  }
  return out;
}
