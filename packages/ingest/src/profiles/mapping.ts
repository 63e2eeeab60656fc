import { z } from 'zod';
import { OFFENSE_CATEGORY_CODES } from '@vigia/domain';

const category = z.enum(OFFENSE_CATEGORY_CODES as [string, ...string[]]);

/**
 * An import mapping: how the columns of one export become incidents. Built-in profiles are mappings;
 * `--profile generic --mapping FILE.json` reads one from a file (see docs/import-mapping.md).
 *
 * Date/time format tokens: yyyy, yy, MM, M, dd, d, HH, H, mm, ss, SSS; any other character is literal;
 * the special format "iso" reads ISO 8601 (`2019-04-23T12:30:00`, with or without `Z` or an offset).
 */
export const mappingSchema = z
  .object({
    /** Human name of the profile, shown in messages. */
    name: z.string().default('generic'),
    /** Column delimiter; omitted = detected from the header line among , ; tab |. */
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    /** Text encoding; "auto" = UTF-8 (with or without BOM) unless the bytes are not valid UTF-8, then Windows-1252. */
    encoding: z.enum(['auto', 'utf-8', 'windows-1252']).default('auto'),
    /**
     * Cell texts that mean "no value" in every column, compared after trimming (case-sensitive). The
     * default covers R's NA and common database exports; "N/D" is not in it, so it stays visible.
     */
    missingValues: z.array(z.string()).default(['NA', 'N/A', 'NULL']),
    /** Decimal separator of coordinates: "." or "," (e.g. -75,5698). */
    decimalSeparator: z.enum(['.', ',']).default('.'),
    /** IANA zone of the local times in the file; default: the agency's. */
    timeZone: z.string().optional(),
    /**
     * What to do with a UTC offset or `Z` written in ISO times: "use" it (the time is an instant), or
     * "ignore" it when an exporter appended `Z` to what is really local time (documented per profile).
     */
    offsetInText: z.enum(['use', 'ignore']).default('use'),
    columns: z.object({
      /** The source's record id; omitted = derived from row content (see stable-id). */
      sourceId: z.string().optional(),
      /** One column holding date and time, read with formats.dateTime. */
      occurredDateTime: z.string().optional(),
      /** Or a date column (formats.date) ... */
      occurredDate: z.string().optional(),
      /** ... plus an optional time column (formats.time). */
      occurredTime: z.string().optional(),
      /** Report date (formats.reportedDate, default formats.date or formats.dateTime). */
      reportedDate: z.string().optional(),
      /** Offense label column(s); several columns = several offenses of one incident. */
      offense: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
      longitude: z.string().optional(),
      latitude: z.string().optional(),
      /** Unit code as the source writes it (e.g. district or beat). */
      unit: z.string().optional(),
      status: z.string().optional(),
    }),
    formats: z
      .object({
        dateTime: z.string().optional(),
        date: z.string().optional(),
        time: z.string().optional(),
        reportedDate: z.string().optional(),
      })
      .default({}),
    /** When the file holds one offense only (e.g. a homicide file): its label for every row. */
    offenseConstant: z.string().optional(),
    /** Source label → category. Matching ignores case, accents and repeated spaces. */
    offenseMap: z.record(z.string(), category).default({}),
    /**
     * The source's arrest flag (e.g. Chicago portal's `Arrest`, true/false): the column, the values that
     * mean "cleared by arrest" and, optionally, those that mean "no arrest" (values compared ignoring
     * case, accents and repeated spaces). An empty cell means the source does not say (null). Without
     * `falseValues` every other value means no arrest; with it, a value in neither list is not read:
     * the incident is stored with the flag unknown and the value counted in the import summary
     * (`unreadableArrestValues`). Omitted = the source carries no flag. See docs/import-mapping.md.
     */
    arrest: z
      .object({
        column: z.string(),
        values: z.array(z.string()).min(1),
        falseValues: z.array(z.string()).min(1).optional(),
      })
      .strict()
      .optional(),
    /** Source status → status; labels not listed are quarantined as BAD_STATUS. Omitted = "reported". */
    statusMap: z.record(z.string(), z.enum(['reported', 'unfounded', 'cleared'])).optional(),
    /** Which unit an incident counts in when both exist: the polygon containing it, or the source's. */
    unitOfRecord: z.enum(['polygon', 'source']).default('polygon'),
    /** Level named by the unit column; default: the lowest imported level that has the code. */
    sourceUnitLevel: z.string().optional(),
  })
  .strict();

/** A validated import mapping (input shape: {@link mappingSchema}). */
export type ImportMapping = z.output<typeof mappingSchema>;
/** What a mapping file may contain before defaults are applied. */
export type ImportMappingInput = z.input<typeof mappingSchema>;
