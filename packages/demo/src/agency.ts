import type { Agency } from '@vigia/domain';

/**
 * The fictional agency of the demo. Ciudad Esperanza does not exist: it is placed near Panama City
 * (around longitude −79.5, latitude 9.0) only so that maps, the time zone and the language look
 * plausible. Every number about it is synthetic.
 */
export type DemoAgency = Pick<Agency, 'name' | 'country' | 'timeZone'> & { locale: 'es' };

/** The demo agency: Spanish-speaking, Panamanian time zone (UTC−5 all year, no daylight saving). */
export const DEMO_AGENCY: Readonly<DemoAgency> = Object.freeze({
  name: 'Policía de Ciudad Esperanza (demo sintética)',
  country: 'PA',
  timeZone: 'America/Panama',
  locale: 'es',
});

/** One sentence, in Spanish, that every demo file carries to say the data are invented. */
export const SYNTHETIC_NOTE =
  'Datos sintéticos de demostración: Ciudad Esperanza es ficticia; ningún registro describe un hecho real.';
