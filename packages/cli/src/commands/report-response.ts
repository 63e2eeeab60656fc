import type { Command } from 'commander';
import { VigiaError } from '@vigia/domain';
import { defaultResponseWeek, parseShifts, parseTargets, responseReport } from '@vigia/services';
import { initialLocale, type Io } from '../context.js';
import { formatResponseCsv } from '../format/response-csv.js';
import { formatResponseTable } from '../format/response-table.js';
import { dbLocation, withStore } from '../run-with-store.js';

/**
 * `vigia report response --db FILE [--week YYYY-Www | --from DATE --to DATE] [--level NAME]
 * [--unit CODE] [--priority P] [--targets P=MIN,...] [--shifts NAME=HH:mm,...] [--include-officer-initiated] [--format table|csv|json]`:
 * without a week or dates, the week the dashboard's Police response page opens on (defaultResponseWeek).
 */
export function registerResponseReport(rep: Command, io: Io, lang: () => string | undefined): void {
  rep
    .command('response')
    .description('police response: calls, response times, workload, arrests / respuesta policial')
    .option('--db <file>', 'database file')
    .option('--week <YYYY-Www>', 'ISO week: WTD, 28-day and YTD against last year')
    .option('--from <YYYY-MM-DD>', 'or a range of dates: first day')
    .option('--to <YYYY-MM-DD>', 'last day')
    .option('--level <name>', 'group units at this level')
    .option('--unit <code>', "only calls placed in this unit's subtree")
    .option('--priority <p>', 'only calls of this priority (then every row has its target)')
    .option('--targets <list>', 'target minutes per priority, e.g. 1=7,2=15 (default 1=7)')
    .option('--shifts <list>', 'shift start times, e.g. day=07:00,evening=15:00,night=23:00 (default)')
    .option('--include-officer-initiated', 'count officer-initiated calls in response times')
    .option('--format <table|csv|json>', 'output format', 'table')
    .action(
      async (o: {
        db?: string;
        week?: string;
        from?: string;
        to?: string;
        level?: string;
        unit?: string;
        priority?: string;
        targets?: string;
        shifts?: string;
        includeOfficerInitiated?: boolean;
        format: string;
      }) => {
        if (!['table', 'csv', 'json'].includes(o.format)) {
          throw new VigiaError('INVALID_ARGUMENT', { name: '--format', value: o.format });
        }
        if ((o.from === undefined) !== (o.to === undefined)) {
          throw new VigiaError('INVALID_ARGUMENT', { name: '--from --to', value: o.from ?? o.to ?? '' });
        }
        await withStore(dbLocation(io, o.db), async (store) => {
          // Without --week or --from/--to: the week the dashboard's Police response page opens on.
          const week =
            o.week ?? (o.from === undefined ? await defaultResponseWeek(store, io.now()) : undefined);
          const report = await responseReport(store, {
            week,
            from: o.from,
            to: o.to,
            level: o.level,
            unit: o.unit,
            priority: o.priority,
            targetsSec: o.targets === undefined ? undefined : parseTargets(o.targets),
            shifts: o.shifts === undefined ? undefined : parseShifts(o.shifts),
            includeOfficerInitiated: o.includeOfficerInitiated === true,
          });
          if (o.format === 'json') io.out(`${JSON.stringify(report)}\n`);
          else if (o.format === 'csv') io.out(formatResponseCsv(report));
          else {
            const locale = initialLocale(io, lang(), (await store.getAgency())?.locale);
            io.out(formatResponseTable(report, locale));
          }
        });
      },
    );
}
