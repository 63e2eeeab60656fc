import type { IncidentStatus, OffenseCategory } from '@vigia/domain';
import { DEMO_AGENCY } from './agency.js';
import { DEMO_OFFENSE_LABELS } from './offense-labels.js';
import { DEMO_STATUS_LABELS } from './statuses.js';

/**
 * The import mapping of the demo CSV, in the shape of the generic import mapping
 * (packages/ingest/src/profiles/mapping.ts, `--profile generic --mapping FILE.json`). Declared here
 * rather than imported because the demo package depends on the domain only.
 */
export interface DemoMapping {
  name: string;
  delimiter: ',';
  encoding: 'utf-8';
  timeZone: string;
  columns: {
    sourceId: 'id_caso';
    occurredDateTime: 'fecha_hecho';
    offense: 'delito';
    status: 'estado';
    unit: 'sector';
    longitude: 'longitud';
    latitude: 'latitud';
  };
  formats: { dateTime: 'dd/MM/yyyy HH:mm' };
  /** Every label of {@link DEMO_OFFENSE_LABELS}; the deliberate unmapped label is absent. */
  offenseMap: Record<string, OffenseCategory>;
  statusMap: Record<string, IncidentStatus>;
  unitOfRecord: 'polygon';
  sourceUnitLevel: 'sector';
}

/** Header of the demo incidents CSV, in column order. */
export const DEMO_CSV_COLUMNS = [
  'id_caso',
  'fecha_hecho',
  'delito',
  'estado',
  'sector',
  'longitud',
  'latitud',
] as const;

/**
 * Builds the demo's import mapping. Pure and constant: the same object every call.
 * @returns a mapping whose offenseMap lists every demo label except DEMO_UNMAPPED_LABEL.
 */
export function demoMapping(): DemoMapping {
  const offenseMap: Record<string, OffenseCategory> = {};
  for (const o of DEMO_OFFENSE_LABELS) offenseMap[o.label] = o.category;
  return {
    name: 'demo-ciudad-esperanza',
    delimiter: ',',
    encoding: 'utf-8',
    timeZone: DEMO_AGENCY.timeZone,
    columns: {
      sourceId: 'id_caso',
      occurredDateTime: 'fecha_hecho',
      offense: 'delito',
      status: 'estado',
      unit: 'sector',
      longitude: 'longitud',
      latitude: 'latitud',
    },
    formats: { dateTime: 'dd/MM/yyyy HH:mm' },
    offenseMap,
    statusMap: { ...DEMO_STATUS_LABELS },
    unitOfRecord: 'polygon',
    sourceUnitLevel: 'sector',
  };
}
