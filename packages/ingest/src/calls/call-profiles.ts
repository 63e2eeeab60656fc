import type { CallMappingInput } from './call-mapping.js';

/**
 * Built-in call-for-service profiles for the public CAD extracts in ../shared/data (their READMEs
 * describe the columns). `generic` takes a mapping from a file.
 */
export const BUILTIN_CALL_PROFILES: Record<string, CallMappingInput> = {
  /**
   * Seattle Police "Call Data" (data.seattle.gov 33kz-ixgy): queued and first-arrived times on a
   * 12-hour clock, local Seattle time. "ONVIEW" in Call Type is officer-initiated; "PHYSICAL ARREST
   * MADE" is the clearance that records an arrest.
   */
  'seattle-cad': {
    name: 'seattle-cad',
    delimiter: ',',
    encoding: 'utf-8',
    timeZone: 'America/Los_Angeles',
    columns: {
      sourceId: 'CAD Event Number',
      received: 'Original Time Queued',
      onScene: 'Arrived Time',
      priority: 'Priority',
      channel: 'Call Type',
      initialType: 'Initial Call Type',
      finalType: 'Final Call Type',
      disposition: 'Event Clearance Description',
      longitude: 'Blurred_Longitude',
      latitude: 'Blurred_Latitude',
      unit: 'Beat',
    },
    formats: { dateTime: 'MM/dd/yyyy h:mm:ss a' },
    officerInitiated: { column: 'Call Type', values: ['ONVIEW'] },
    arrest: { column: 'Event Clearance Description', values: ['PHYSICAL ARREST MADE'] },
  },
  /**
   * Sacramento Police dispatch data, January 2019: dates only (no clock times), so it gives call
   * volumes and no response time. The beat column names the unit; there is no arrest field.
   */
  'sacramento-cad': {
    name: 'sacramento-cad',
    delimiter: ',',
    encoding: 'utf-8',
    timeZone: 'America/Los_Angeles',
    columns: {
      sourceId: 'record_id',
      received: 'received_date',
      dispatched: 'dispatch_date',
      enRoute: 'enroute_date',
      onScene: 'at_scene_date',
      cleared: 'clear_date',
      initialType: 'description',
      respondingUnit: 'unit_id',
      longitude: 'longitude',
      latitude: 'latitude',
      unit: 'beat',
    },
    formats: { dateTime: 'yyyy-MM-dd' },
  },
};

/** Names accepted by `import calls --profile`, built-ins plus "generic" (needs `--mapping FILE`). */
export const CALL_PROFILE_NAMES = [...Object.keys(BUILTIN_CALL_PROFILES), 'generic'];
