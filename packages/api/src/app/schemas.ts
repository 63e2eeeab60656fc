import { Type, type Static, type TSchema } from 'typebox';
import {
  OFFENSE_CATEGORY_CODES,
  QUARANTINE_REASONS,
  type OffenseCategory,
  type QuarantineReason as QuarantineReasonCode,
} from '@vigia/domain';

/**
 * JSON schemas of the HTTP API (TypeBox → JSON Schema): Fastify validates requests and serializes
 * responses with them, and @fastify/swagger turns them into the OpenAPI document (docs/openapi.json).
 * A response field missing here would be dropped from the response: the route tests compare bodies with
 * the services' own results to catch that.
 */

/**
 * `T` or null, written the OpenAPI 3.0 way (`nullable: true`) rather than as `anyOf`: fast-json-stringify
 * serializes it directly, where an `anyOf` costs a schema validation per value (per incident, per cell).
 */
export const Nullable = <T extends TSchema>(t: T) => Type.Unsafe<Static<T> | null>({ ...t, nullable: true });

export const LocalDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'Local date YYYY-MM-DD (agency time zone)',
});
/** The API's week notation: ISO 8601 extended `YYYY-Www` (the CLI also takes the basic `YYYYWww`). */
export const ISO_WEEK_PATTERN = '^\\d{4}-W\\d{2}$';
export const IsoWeekText = Type.String({
  pattern: ISO_WEEK_PATTERN,
  description: 'ISO week YYYY-Www (Monday–Sunday)',
});
export const CategoryCode = Type.Unsafe<OffenseCategory>({
  type: 'string',
  enum: [...OFFENSE_CATEGORY_CODES],
  description: 'Canonical offense category',
});
export const Lang = Type.Optional(
  Type.String({
    pattern: '^[eE][sSnN]([-_][A-Za-z0-9]{1,8})*$',
    description: 'Language of messages and labels: es or en (a region such as es-PA is accepted)',
  }),
);

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Catalogued error code (stable)' }),
      message: Type.String({ description: 'Message in the request language' }),
      requestId: Type.String(),
      details: Type.Optional(Type.Array(Type.String())),
    }),
  },
  { $id: 'Error', description: 'Every error response' },
);

export const errorResponses = {
  400: Type.Ref('Error'),
  401: Type.Ref('Error'),
  403: Type.Ref('Error'),
  404: Type.Ref('Error'),
  409: Type.Ref('Error'),
  500: Type.Ref('Error'),
};

export const Agency = Type.Object({
  name: Type.String(),
  country: Type.String(),
  timeZone: Type.String({ description: 'IANA time zone of every local date' }),
  locale: Type.Union([Type.Literal('es'), Type.Literal('en')]),
  weekStart: Type.Literal('monday'),
  levels: Type.Array(
    Type.Object({ name: Type.String(), depth: Type.Integer(), parentLevel: Nullable(Type.String()) }),
  ),
  latestCompleteWeek: IsoWeekText,
  defaultWeek: Type.String({
    pattern: '^\\d{4}-W\\d{2}$',
    description:
      'Week reports open on (and GET /reports/compstat without week): the latest complete week, or the last week the data cover whole when they end before its Sunday',
  }),
  dataRange: Nullable(Type.Object({ first: LocalDate, last: LocalDate })),
  responseDefaultWeek: Type.String({
    pattern: '^\\d{4}-W\\d{2}$',
    description:
      'Week the police response page opens on: as defaultWeek, by the dates of the calls for service',
  }),
  callDataRange: Nullable(
    Type.Object(
      { first: LocalDate, last: LocalDate },
      { description: 'First and last local dates calls for service were received; null without calls' },
    ),
  ),
  demo: Type.Boolean({ description: 'True for the synthetic demo agency' }),
  version: Type.Integer({ description: 'Edit version: send it back with PATCH /agency (409 when stale)' }),
  epsg: Nullable(
    Type.Integer({
      description: 'Metric CRS (EPSG code) of spatial analyses; null: the UTM zone of the data',
    }),
  ),
});

const Position = Type.Array(Type.Number());
export const UnitGeometry = Type.Union([
  Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Position)) }),
  Type.Object({
    type: Type.Literal('MultiPolygon'),
    coordinates: Type.Array(Type.Array(Type.Array(Position))),
  }),
  Type.Null(),
]);
export const UnitCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.Integer(),
      geometry: UnitGeometry,
      properties: Type.Object({
        code: Type.String(),
        name: Type.String(),
        level: Type.String(),
        depth: Type.Integer(),
        parent: Nullable(Type.String()),
      }),
    }),
  ),
});

export const Category = Type.Object({
  code: CategoryCode,
  label: Type.String(),
  severityRank: Type.Integer({ description: '0 = most serious (hierarchy rule order)' }),
  iccs: Nullable(Type.String({ description: 'UNODC ICCS code' })),
  iccsLabel: Nullable(Type.String()),
  nibrs: Nullable(Type.String({ description: 'FBI NIBRS offense code(s)' })),
  ucr: Nullable(Type.String()),
});

export const IncidentCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.String(),
      geometry: Nullable(
        Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) }),
      ),
      properties: Type.Object({
        source: Type.String(),
        sourceId: Type.String(),
        occurredAt: Type.String({ description: 'UTC instant, ISO 8601' }),
        occurredLocal: Type.String({ description: 'Local date-time in the agency time zone' }),
        reportedDate: Nullable(LocalDate),
        category: CategoryCode,
        offenseLabels: Type.Array(Type.String()),
        status: Type.String(),
        unitId: Nullable(Type.Integer()),
        unit: Nullable(Type.String()),
        locationFlag: Type.Union([
          Type.Literal('ok'),
          Type.Literal('no_location'),
          Type.Literal('outside_jurisdiction'),
        ]),
      }),
    }),
  ),
  matched: Type.Integer(),
  withoutLocation: Type.Integer({
    description: 'Incidents of the selection with no coordinates: counted, not drawn',
  }),
  limit: Type.Integer(),
  offset: Type.Integer(),
  nextOffset: Nullable(Type.Integer()),
});

const SeriesWeek = Type.Object({
  week: Type.Integer(),
  start: LocalDate,
  end: LocalDate,
  count: Type.Integer(),
  rolling28: Type.Integer({ description: 'Incidents in the 28 days ending on the week’s Sunday' }),
});
export const WeeklySeries = Type.Object({
  unit: Type.String(),
  category: Type.Union([CategoryCode, Type.Literal('*')]),
  week: IsoWeekText,
  timeZone: Type.String(),
  years: Type.Array(Type.Object({ isoYear: Type.Integer(), weeks: Type.Array(SeriesWeek) })),
});

const ImportRecord = Type.Object({
  importId: Type.Integer(),
  file: Type.String(),
  profile: Type.String(),
  startedAt: Type.String(),
  read: Type.Integer(),
  stored: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  quarantined: Type.Integer(),
});
const QuarantineReason = Type.Unsafe<QuarantineReasonCode>({
  type: 'string',
  enum: [...QUARANTINE_REASONS],
  description: 'Quarantine reason code',
});
export const DataQuality = Type.Object({
  incidents: Type.Integer(),
  located: Type.Integer(),
  noLocation: Type.Integer(),
  outsideJurisdiction: Type.Integer(),
  unitDisagreements: Type.Integer(),
  unfounded: Type.Integer(),
  shareLocated: Nullable(Type.Number()),
  unclassifiedLabels: Type.Array(Type.Object({ label: Type.String(), count: Type.Integer() })),
  quarantineByReason: Type.Array(
    Type.Object({ reason: QuarantineReason, label: Type.String(), count: Type.Integer() }),
  ),
  quarantinedRows: Type.Integer(),
  imports: Type.Array(ImportRecord),
});

export const QuarantinePage = Type.Object({
  rows: Type.Array(
    Type.Object({
      importId: Type.Integer(),
      file: Type.String(),
      row: Type.Integer({ description: 'Spreadsheet row number (header = 1)' }),
      reasons: Type.Array(QuarantineReason),
      reasonLabels: Type.Array(Type.String()),
      columns: Type.Array(Type.String()),
      values: Type.Array(Type.String()),
      raw: Type.Record(Type.String(), Type.String()),
      status: Type.String(),
    }),
  ),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const ImportJob = Type.Object({
  jobId: Type.String(),
  state: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('merging'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  kind: Type.Union([Type.Literal('incidents'), Type.Literal('calls')], {
    description: 'What the file holds: incidents, or calls for service (CAD)',
  }),
  file: Type.String(),
  profile: Type.String(),
  bytesRead: Type.Integer(),
  totalBytes: Type.Integer(),
  summary: Nullable(
    Type.Record(Type.String(), Type.Unknown(), {
      description:
        'The import summary, as `vigia import incidents --json` (kind incidents) or `vigia import calls --json` (kind calls) prints it',
    }),
  ),
  labels: Type.Record(Type.String(), Type.String(), {
    description:
      "Labels, in the request's language, of the quarantine reasons and interval flags the summary counts, by code",
  }),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
});
