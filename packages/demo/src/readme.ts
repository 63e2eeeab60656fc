import { DEMO_AGENCY } from './agency.js';
import { DEMO_FLARE_UPS, DEMO_HOT_SPOTS } from './hot-spots.js';

/** What the demo README reports about one generated set. */
export interface DemoReadmeInput {
  seed: number;
  /** Last day of data, `YYYY-MM-DD`. */
  endDate: string;
  years: number;
  /** Number of CSV data rows (header excluded). */
  rows: number;
  /** The synthetic-data sentence. */
  note: string;
}

/**
 * The README written beside the demo files (Markdown, Spanish with an English summary line): says the
 * data are synthetic, how they were generated and which patterns and data problems they contain.
 */
export function demoReadme(input: DemoReadmeInput): string {
  const lines = [
    '# DATOS SINTÉTICOS — Ciudad Esperanza (demo de Vigía)',
    '',
    `**${input.note}**`,
    '',
    'SYNTHETIC DATA: Ciudad Esperanza is a fictional city; no record describes a real event.',
    '',
    `- Agencia: ${DEMO_AGENCY.name} (${DEMO_AGENCY.country}, zona horaria ${DEMO_AGENCY.timeZone}).`,
    `- Periodo: ${input.years} años que terminan el ${input.endDate} (inclusive); ${input.rows} filas.`,
    `- Semilla: ${input.seed}. La misma semilla y las mismas fechas producen los mismos bytes.`,
    '',
    '## Archivos',
    '',
    '- `demo-sintetico-precintos.geojson`: 5 precintos (P1–P5), polígonos WGS84.',
    '- `demo-sintetico-sectores.geojson`: 19 sectores (P1-S1…), cada precinto es la unión de sus sectores.',
    '- `demo-sintetico-incidentes.csv`: incidentes (`id_caso,fecha_hecho,delito,estado,sector,longitud,latitud`).',
    '- `demo-sintetico-mapeo.json`: mapeo de importación genérico para el CSV.',
    '',
    '## Patrones incluidos',
    '',
    '- Estacionalidad anual (más en la estación seca), Carnaval, Año Nuevo, fiestas patrias, quincenas.',
    '- Ritmo semanal y horario: más incidentes las noches de viernes y sábado.',
    '- Tendencia lenta: la mayoría de los delitos baja; la extorsión sube.',
    `- Puntos calientes persistentes: ${DEMO_HOT_SPOTS.map((h) => h.name).join('; ')}.`,
    `- Brotes recientes: ${DEMO_FLARE_UPS.map((f) => f.name).join('; ')}.`,
    '',
    '## Problemas de datos deliberados (≈ 0,2 % de las filas)',
    '',
    '- Fechas imposibles (p. ej. 31/02) y fechas vacías: van a cuarentena.',
    '- Coordenadas "N/D" (cuarentena) o vacías (sin ubicación, cuentan en su sector).',
    '- Dos filas fuera de la ciudad (coordenadas invertidas, latitud con un grado de error).',
    '- Etiqueta sin mapeo "ALTERACIÓN DEL ORDEN": queda como no clasificada.',
    '- Algunas filas duplicadas exactas.',
    '',
    'Más detalles: docs/demo-data.md en el repositorio de Vigía.',
    '',
  ];
  return lines.join('\n');
}
