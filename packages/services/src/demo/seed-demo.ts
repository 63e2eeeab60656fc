import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_AGENCY, writeDemoFiles } from '@vigia/demo';
import { formatLocalDate, localDayOf, type Agency } from '@vigia/domain';
import type { Store } from '@vigia/store';
import { initAgency } from '../agency/init-agency.js';
import { importIncidents, type ImportSummary } from '../import/import-incidents.js';
import { importUnits } from '../units/import-units.js';

/** The audit actor of everything the demo seeding writes. */
export const DEMO_ACTOR = 'system:demo';

/**
 * Seeds an empty store with the synthetic demo city (packages/demo): agency, precincts, sectors and
 * about three years of incidents ending yesterday (agency time), imported through the same pipeline as
 * real exports, so the demo also shows quarantine and data-quality flags.
 *
 * @param nowMs - "now", UTC epoch ms; the data ends the day before in America/Panama.
 * @returns the incident import summary.
 */
export async function seedDemo(store: Store, nowMs: number, seed = 20240101): Promise<ImportSummary> {
  const dir = await mkdtemp(join(tmpdir(), 'vigia-demo-'));
  try {
    const endDate = formatLocalDate(localDayOf(nowMs, 'America/Panama') - 1);
    const files = await writeDemoFiles(dir, { seed, endDate, years: 3 });
    await initAgency(store, { ...files.agency, actor: DEMO_ACTOR });
    await importUnits(store, {
      actor: DEMO_ACTOR,
      file: files.precinctsGeoJson,
      level: 'precinto',
      codeProperty: 'code',
      nameProperty: 'name',
    });
    await importUnits(store, {
      file: files.sectorsGeoJson,
      level: 'sector',
      codeProperty: 'code',
      nameProperty: 'name',
      parentLevel: 'precinto',
      parentProperty: 'precinct',
      actor: DEMO_ACTOR,
    });
    return await importIncidents(store, {
      file: files.incidentsCsv,
      profile: 'generic',
      mappingFile: files.mappingJson,
      nowMs,
      actor: DEMO_ACTOR,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** True when `agency` is the synthetic demo agency that {@link seedDemo} creates (its reports must say so). */
export function isDemoAgency(agency: Pick<Agency, 'name'>): boolean {
  return agency.name === DEMO_AGENCY.name;
}
