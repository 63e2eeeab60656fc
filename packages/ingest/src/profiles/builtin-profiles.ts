import type { ImportMappingInput } from './mapping.js';

/**
 * Built-in import profiles for the public exports in ../shared/data. Each is an ordinary mapping
 * (see mapping.ts); `generic` takes one from a file. Time zones are those of the source city: the
 * agency's zone is used only when a profile does not name one.
 */
export const BUILTIN_PROFILES: Record<string, ImportMappingInput> = {
  /**
   * Chicago aggravated assaults (Crime Open Database via crimemappingdata): NIBRS 13A only, no id.
   * Its `district` was assigned by the packager with another vintage of the beat map than the polygons
   * in ../shared/data, so the source district is the unit of record (disagreements are still counted).
   */
  'chicago-code': {
    name: 'chicago-code',
    unitOfRecord: 'source',
    delimiter: ',',
    encoding: 'utf-8',
    timeZone: 'America/Chicago',
    columns: { occurredDateTime: 'date', longitude: 'longitude', latitude: 'latitude', unit: 'district' },
    formats: { dateTime: 'yyyy-MM-dd HH:mm' },
    offenseConstant: '13A aggravated assault',
    offenseMap: { '13A aggravated assault': 'aggravated_assault' },
  },
  /**
   * Houston Police Department offenses Jan–Aug 2010 (ggmap `crime`): date + hour, beat. The beat column
   * is HPD's own record and the only beat map at hand is hand-traced (approximate), so the source beat
   * is the unit of record; points still get a polygon beat and disagreements are counted.
   */
  houston: {
    name: 'houston',
    unitOfRecord: 'source',
    delimiter: ',',
    encoding: 'utf-8',
    timeZone: 'America/Chicago',
    columns: {
      sourceId: 'row_id',
      occurredDate: 'date',
      occurredTime: 'hour',
      offense: 'offense',
      longitude: 'lon',
      latitude: 'lat',
      unit: 'beat',
    },
    formats: { date: 'yyyy-MM-dd', time: 'H' },
    offenseMap: {
      murder: 'homicide',
      rape: 'sexual_assault',
      robbery: 'robbery',
      'aggravated assault': 'aggravated_assault',
      burglary: 'burglary',
      theft: 'theft',
      'auto theft': 'motor_vehicle_theft',
    },
  },
  /**
   * Medellín homicides (MEData): `;`-separated, decimal comma. The `Z` on `fecha_hecho` was added by
   * the packaging R code to what is local Colombian time, so it is ignored.
   */
  medellin: {
    name: 'medellin',
    delimiter: ';',
    encoding: 'auto',
    decimalSeparator: ',',
    timeZone: 'America/Bogota',
    offsetInText: 'ignore',
    columns: { occurredDateTime: 'fecha_hecho', longitude: 'longitud', latitude: 'latitud' },
    formats: { dateTime: 'iso' },
    offenseConstant: 'Homicidio',
    offenseMap: { Homicidio: 'homicide' },
  },
  /**
   * New York City homicides 2016–2018 (Crime Open Database, NIBRS 09A). CODE writes local times with a
   * `Z` suffix, so the suffix is ignored and times are read as New York local time.
   */
  'nyc-homicides': {
    name: 'nyc-homicides',
    delimiter: ',',
    encoding: 'utf-8',
    timeZone: 'America/New_York',
    offsetInText: 'ignore',
    columns: {
      sourceId: 'uid',
      occurredDateTime: 'offense_date',
      longitude: 'longitude',
      latitude: 'latitude',
    },
    formats: { dateTime: 'iso' },
    offenseConstant: '09A murder and nonnegligent manslaughter',
    offenseMap: { '09A murder and nonnegligent manslaughter': 'homicide' },
  },
};

/** Names accepted by `--profile`, built-ins plus "generic" (needs `--mapping FILE`). */
export const PROFILE_NAMES = [...Object.keys(BUILTIN_PROFILES), 'generic'];
