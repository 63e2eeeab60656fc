import { Type, type Static, type TSchema } from 'typebox';
import { CALL_INTERVAL_FLAGS } from '@vigia/domain';
import { LocalDate } from './schemas.js';

/**
 * JSON schema of the police response report (services ResponseReport): the body of
 * GET /api/v1/reports/response and the `response` field of the COMPSTAT report, documented in OpenAPI.
 */

const Nullable = <T extends TSchema>(t: T) => Type.Unsafe<Static<T> | null>({ ...t, nullable: true });
const Seconds = (description: string) => Nullable(Type.Number({ description }));
/** An object keyed by window name (wtd, d28, ytd; or range). */
const ByWindow = <T extends TSchema>(t: T, description: string) =>
  Type.Record(Type.String(), t, { description });
const Compared = <T extends TSchema>(t: T) => Type.Object({ current: t, previous: t });

const WindowStats = Type.Object({
  calls: Type.Integer({ description: 'Calls received in the window (volume)' }),
  excluded: Type.Object(
    {
      dateOnly: Type.Integer(),
      officerInitiated: Type.Integer(),
      outOfOrder: Type.Integer(),
      noOnScene: Type.Integer(),
    },
    { description: 'Calls left out of response times, by reason: calls = measured + these' },
  ),
  measured: Type.Integer(),
  medianSec: Seconds('Median response time (on scene − received), seconds'),
  p90Sec: Seconds('90th percentile (Hyndman–Fan 7, as R quantile()), seconds'),
  processingMedianSec: Seconds('Median call processing (dispatched − received), seconds'),
  travelMedianSec: Seconds('Median travel (on scene − dispatched), seconds'),
  withinTargetShare: Nullable(
    Type.Number({ description: 'Share (0–1) on scene within targetSec; null when the row has no target' }),
  ),
  withTarget: Type.Integer({ description: 'Measured calls judged against the target (0 without one)' }),
});

const Histogram = Type.Object({
  binWidth: Type.Number({ description: 'Seconds per bin' }),
  counts: Type.Array(Type.Integer(), {
    description: 'counts[i]: response times in [i·binWidth, (i+1)·binWidth)',
  }),
  overflow: Type.Integer({ description: 'Response times beyond the last bin' }),
});

const CountStats = Type.Object({
  calls: Type.Integer(),
  withArrestData: Type.Integer(),
  arrests: Type.Integer(),
  arrestRate: Nullable(Type.Number()),
});

export const ResponseReportSchema = Type.Object({
  week: Nullable(Type.String({ pattern: '^\\d{4}-W\\d{2}$' })),
  timeZone: Type.String(),
  periodKeys: Type.Array(Type.String(), { description: 'Window names in order: wtd, d28, ytd; or range' }),
  periods: ByWindow(
    Type.Object({
      start: LocalDate,
      end: LocalDate,
      previousStart: LocalDate,
      previousEnd: LocalDate,
      outsideData: Type.Boolean({
        description: 'The window or last year’s dates reach outside dataRange: comparisons mean little',
      }),
    }),
    'Dates of each window and of the same dates a year earlier',
  ),
  options: Type.Object({
    targetsSec: Type.Record(Type.String(), Type.Number(), { description: 'Target seconds per priority' }),
    shifts: Type.Array(
      Type.Object({ name: Type.String(), start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }) }),
    ),
    includeOfficerInitiated: Type.Boolean(),
    unit: Nullable(Type.String()),
    priority: Nullable(Type.String()),
    quantile: Type.Literal('hyndman-fan-7'),
  }),
  priorities: Type.Array(Type.String(), { description: 'Priorities of the calls in the windows' }),
  dataRange: Nullable(Type.Object({ first: LocalDate, last: LocalDate })),
  rows: Type.Array(
    Type.Object({
      dimension: Type.Union([
        Type.Literal('agency'),
        Type.Literal('priority'),
        Type.Literal('channel'),
        Type.Literal('unit'),
      ]),
      key: Type.String({ description: '"*" for the agency; "(none)" when the source had no value' }),
      targetSec: Seconds('Target the row’s share is judged against: set only when the row has one priority'),
      periods: ByWindow(Compared(WindowStats), 'Statistics per window, this year and last year'),
    }),
  ),
  hourWeekday: ByWindow(
    Type.Array(
      Type.Object({
        weekday: Type.Integer({ minimum: 1, maximum: 7, description: '1 = Monday' }),
        hour: Type.Integer({ minimum: 0, maximum: 23 }),
        calls: Type.Integer(),
        measured: Type.Integer(),
        medianSec: Seconds('Median response time, seconds'),
      }),
    ),
    'Per window: non-empty cells of the hour × weekday grid (local time received, current dates)',
  ),
  distribution: ByWindow(
    Compared(Histogram),
    'Per window: histogram of the agency row’s measured response times, this year and last year',
  ),
  workload: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('unit'), Type.Literal('respondingUnit')]),
      key: Type.String(),
      shift: Nullable(Type.String()),
      periods: ByWindow(
        Compared(Type.Object({ calls: Type.Integer(), perShift: Type.Number() })),
        'Per window',
      ),
    }),
  ),
  enforcement: Type.Array(
    Type.Object({
      dimension: Type.Union([Type.Literal('agency'), Type.Literal('unit'), Type.Literal('callType')]),
      key: Type.String(),
      periods: ByWindow(Compared(CountStats), 'Per window'),
    }),
  ),
  intervalFlags: Type.Partial(
    Type.Object(Object.fromEntries(CALL_INTERVAL_FLAGS.map((f) => [f, Type.Integer()]))),
    { description: 'Calls of the current windows whose timestamps are out of order, per flag' },
  ),
});
