import { z } from 'zod';
import { mappingSchema } from '../profiles/mapping.js';

/** A column and the values in it that mean "yes" (compared ignoring case, accents and repeated spaces). */
const flagColumn = z
  .object({
    column: z.string(),
    values: z.array(z.string()).min(1),
  })
  .strict();

/**
 * A call-for-service import mapping: how the columns of one CAD export become calls. Built-in profiles
 * (`seattle-cad`, `sacramento-cad`) are mappings; `--profile generic --mapping FILE.json` reads one from
 * a file (docs/import-mapping.md, "Calls for service"). Reading options (delimiter, encoding, missing
 * values, decimal separator, time zone, ISO offsets) and placement rules are those of incident mappings.
 *
 * Every timestamp column is read with `formats.dateTime`; a format without a clock time (e.g.
 * `yyyy-MM-dd`) makes the calls date-only: they count in volume and have no response time.
 */
export const callMappingSchema = mappingSchema
  .pick({
    name: true,
    delimiter: true,
    encoding: true,
    missingValues: true,
    decimalSeparator: true,
    timeZone: true,
    offsetInText: true,
    unitOfRecord: true,
    sourceUnitLevel: true,
  })
  .extend({
    columns: z
      .object({
        /** CAD event number; omitted = derived from row content. Rows sharing one are one call. */
        sourceId: z.string().optional(),
        /** Received / queued time (required). */
        received: z.string(),
        dispatched: z.string().optional(),
        enRoute: z.string().optional(),
        /** On-scene (arrived) time; with one row per unit, the earliest is the call's arrival. */
        onScene: z.string().optional(),
        cleared: z.string().optional(),
        priority: z.string().optional(),
        /** How the call arrived: 911, telephone, alarm, on-view... */
        channel: z.string().optional(),
        initialType: z.string().optional(),
        finalType: z.string().optional(),
        disposition: z.string().optional(),
        /** CAD unit id of the responding unit (one per row). */
        respondingUnit: z.string().optional(),
        longitude: z.string().optional(),
        latitude: z.string().optional(),
        /** Organizational unit code as the source writes it (e.g. beat). */
        unit: z.string().optional(),
      })
      .strict(),
    formats: z.object({ dateTime: z.string().optional() }).strict().default({}),
    /** Which column and values mark an officer-initiated (on-view) call; omitted = none are. */
    officerInitiated: flagColumn.optional(),
    /** Which column and values mark a call that ended in an arrest; omitted = the source does not say. */
    arrest: flagColumn.optional(),
  })
  .strict();

/** A validated call mapping (input shape: {@link callMappingSchema}). */
export type CallMapping = z.output<typeof callMappingSchema>;
/** What a call mapping file may contain before defaults are applied. */
export type CallMappingInput = z.input<typeof callMappingSchema>;
