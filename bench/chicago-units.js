// Shared by the benchmarks: a Chicago agency with its districts and beats from ../shared/data/chicago.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importUnits, initAgency } from '@vigia/services';

/** Folder of the real Chicago data (../shared beside the repository). */
export const CHICAGO_DATA = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'shared',
  'data',
  'chicago',
);

/** Creates the agency (America/Chicago) and imports its districts, then its beats, into `store`. */
export async function initChicagoAgency(store, name = 'Chicago Police Department') {
  await initAgency(store, { name, timeZone: 'America/Chicago', locale: 'en' });
  await importUnits(store, {
    file: join(CHICAGO_DATA, 'police_districts_current.geojson'),
    level: 'district',
    codeProperty: 'district',
  });
  await importUnits(store, {
    file: join(CHICAGO_DATA, 'police_beats_2012.geojson'),
    level: 'beat',
    codeProperty: 'BEAT_NUM',
    parentLevel: 'district',
    parentProperty: 'DISTRICT',
  });
}
