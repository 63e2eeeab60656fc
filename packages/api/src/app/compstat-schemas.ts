import { Type } from 'typebox';
import { ResponseReportSchema } from './response-schemas.js';
import { CategoryCode, IsoWeekText, LocalDate, Nullable } from './schemas.js';

/**
 * JSON schema of the COMPSTAT report (services CompstatReport): the body of GET
 * /api/v1/reports/compstat and of `vigia report compstat --format json`, documented in OpenAPI with its
 * enforcement section and, when the agency has calls for service, its police response section.
 */

const Cell = Type.Object({
  current: Type.Integer(),
  previous: Type.Integer(),
  change: Type.Integer(),
  pctChange: Nullable(Type.Number()),
  pValue: Type.Number(),
  significant: Type.Boolean(),
});
const Row = Type.Object({
  unit: Type.String({ description: '"*" = agency total' }),
  unitName: Type.String(),
  level: Type.String(),
  category: Type.Union([CategoryCode, Type.Literal('*')]),
  wtd: Cell,
  d28: Cell,
  ytd: Cell,
});
const Period = Type.Object({
  start: LocalDate,
  end: LocalDate,
  previousStart: LocalDate,
  previousEnd: LocalDate,
});

const Clearance = Type.Object({
  incidents: Type.Integer({ description: 'Incidents counted in the window (as the report row)' }),
  withArrestData: Type.Integer({
    description: 'Of those, incidents whose source carries an arrest flag (the rate’s denominator)',
  }),
  clearedByArrest: Type.Integer({ description: 'Of those, incidents the source flags as cleared by arrest' }),
  clearanceRate: Nullable(
    Type.Number({
      minimum: 0,
      maximum: 1,
      description: 'clearedByArrest ÷ withArrestData; null when no incident of the window carries the flag',
    }),
  ),
});
const ComparedClearance = Type.Object({ current: Clearance, previous: Clearance });
const ClearanceRow = Type.Object({
  unit: Type.String({ description: '"*" = agency total' }),
  unitName: Type.String(),
  level: Type.String(),
  category: Type.Union([CategoryCode, Type.Literal('*')]),
  wtd: ComparedClearance,
  d28: ComparedClearance,
  ytd: ComparedClearance,
});

export const CompstatReport = Type.Object({
  week: IsoWeekText,
  timeZone: Type.String(),
  periods: Type.Object({ wtd: Period, d28: Period, ytd: Period }),
  rows: Type.Array(Row),
  dataRange: Nullable(Type.Object({ first: LocalDate, last: LocalDate })),
  weekCoverage: Type.Union([Type.Literal('whole'), Type.Literal('partial'), Type.Literal('none')], {
    description:
      'How much of the week the data cover (dataRange): unless whole (e.g. partial: the data end on its Tuesday), no change is marked significant',
  }),
  enforcement: Nullable(
    Type.Object(
      { rows: Type.Array(ClearanceRow, { description: 'One per report row, same units and categories' }) },
      {
        description:
          'Incidents cleared by arrest as flagged in the source export when it was extracted (not the UCR clearance rate: docs/methods/clearance.md); null when no incident of the windows carries an arrest flag',
      },
    ),
  ),
  remainder: Type.Array(Row, { description: 'Per shown unit level: what its sub-units do not account for' }),
  response: Type.Optional({
    ...ResponseReportSchema,
    description:
      'Police response section (the body of GET /reports/response for the week), when the agency has calls',
  }),
});
