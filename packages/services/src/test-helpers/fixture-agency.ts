import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbStore, type Store } from '@vigia/store';
import { initAgency } from '../agency/init-agency.js';
import { importUnits } from '../units/import-units.js';
import { rect } from '../../../../test/geometry.js';

/**
 * A throw-away agency in a fresh store (`open`; default an in-memory DuckDB) (America/Chicago), with two districts "1" (x 0..1) and
 * "2" (x 1..2), each split into beats "11"/"12" and "21"/"22" at y = 0.5, all within y 0..1.
 * Returns the store, a temp dir for fixture files, and a `csv()` helper that writes a file there.
 */
export async function fixtureAgency(
  open: () => Promise<Store> = () => DuckDbStore.open(':memory:'),
): Promise<{
  store: Store;
  dir: string;
  write: (name: string, text: string) => Promise<string>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'vigia-test-'));
  const write = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  const store = await open();
  await initAgency(store, { name: 'Test PD', timeZone: 'America/Chicago', locale: 'en' });
  const fc = (features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });
  const feature = (props: object, geometry: object) => ({ type: 'Feature', properties: props, geometry });
  const districts = await write(
    'districts.geojson',
    fc([feature({ d: '1' }, rect(0, 0, 1, 1)), feature({ d: '2' }, rect(1, 0, 2, 1))]),
  );
  const beats = await write(
    'beats.geojson',
    fc([
      feature({ b: '11', d: '1' }, rect(0, 0, 1, 0.5)),
      feature({ b: '12', d: '1' }, rect(0, 0.5, 1, 1)),
      feature({ b: '21', d: '2' }, rect(1, 0, 2, 0.5)),
      feature({ b: '22', d: '2' }, rect(1, 0.5, 2, 1)),
    ]),
  );
  await importUnits(store, { file: districts, level: 'district', codeProperty: 'd' });
  await importUnits(store, {
    file: beats,
    level: 'beat',
    codeProperty: 'b',
    parentLevel: 'district',
    parentProperty: 'd',
  });
  return { store, dir, write };
}

/** Generic mapping used by the fixture CSVs: id,date,offense,offense2,status,beat,lon,lat. */
export const FIXTURE_MAPPING = {
  name: 'fixture',
  columns: {
    sourceId: 'id',
    occurredDateTime: 'date',
    offense: ['offense', 'offense2'],
    status: 'status',
    unit: 'beat',
    longitude: 'lon',
    latitude: 'lat',
  },
  formats: { dateTime: 'yyyy-MM-dd HH:mm' },
  offenseMap: { ROBO: 'robbery', HURTO: 'theft', HOMICIDIO: 'homicide' },
  statusMap: { R: 'reported', U: 'unfounded' },
};

/** The header line of fixture CSVs. */
export const FIXTURE_HEADER = 'id,date,offense,offense2,status,beat,lon,lat';

/**
 * The header of fixture CAD exports (calls for service in the fixture agency: local wall times
 * `yyyy-MM-dd HH:mm:ss`, points in x 0..2, y 0..1; `source` ONVIEW is officer-initiated).
 */
export const FIXTURE_CAD_HEADER = 'id,received,dispatched,on_scene,priority,source,lon,lat';

/** Generic call mapping of {@link FIXTURE_CAD_HEADER} files (docs/import-mapping.md, "Calls for service"). */
export const FIXTURE_CAD_MAPPING = {
  name: 'test-cad',
  columns: {
    sourceId: 'id',
    received: 'received',
    dispatched: 'dispatched',
    onScene: 'on_scene',
    priority: 'priority',
    channel: 'source',
    longitude: 'lon',
    latitude: 'lat',
  },
  formats: { dateTime: 'yyyy-MM-dd HH:mm:ss' },
  officerInitiated: { column: 'source', values: ['ONVIEW'] },
};
