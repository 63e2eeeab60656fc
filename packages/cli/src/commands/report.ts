import type { Command } from 'commander';
import { VigiaError } from '@vigia/domain';
import { translate } from '@vigia/domain';
import {
  compstatRemainder,
  compstatReport,
  defaultCompstatWeek,
  isDemoAgency,
  policeResponseSection,
} from '@vigia/services';
import { initialLocale, type Io } from '../context.js';
import { formatReportCsv } from '../format/report-csv.js';
import { formatReportTable } from '../format/report-table.js';
import { formatEnforcementTable } from '../format/enforcement-table.js';
import { formatResponseSection } from '../format/response-table.js';
import { dbLocation, withStore } from '../run-with-store.js';
import { registerResponseReport } from './report-response.js';

/**
 * `vigia report compstat --db FILE [--week YYYY-Www] [--level NAME] [--unit CODE] [--format table|csv|json]`.
 * Without `--week`: the week the dashboard opens on (defaultCompstatWeek: the latest complete week, or
 * the last week the data cover whole). `--week` also takes ISO 8601's basic form `2019W50`.
 */
export function registerReport(program: Command, io: Io): void {
  const rep = program.command('report').description('reports / informes');
  registerResponseReport(rep, io, () => program.opts<{ lang?: string }>().lang);
  rep
    .command('compstat')
    .description('weekly COMPSTAT report (WTD, 28-day, YTD vs last year) / informe COMPSTAT semanal')
    .option('--db <file>', 'database file')
    .option('--week <YYYY-Www>', 'ISO week, e.g. 2019-W50 (default: the last week the data cover whole)')
    .option('--level <name>', 'only units of this level')
    .option('--unit <code>', 'this unit and its sub-units')
    .option('--format <table|csv|json>', 'output format', 'table')
    .option('--count-every-offense', 'count every offense of an incident, not only the most serious')
    .option('--by-report-date', 'count by report date instead of occurrence date')
    .action(
      async (o: {
        db?: string;
        week?: string;
        level?: string;
        unit?: string;
        format: string;
        countEveryOffense?: boolean;
        byReportDate?: boolean;
      }) => {
        if (!['table', 'csv', 'json'].includes(o.format)) {
          throw new VigiaError('INVALID_ARGUMENT', { name: '--format', value: o.format });
        }
        await withStore(dbLocation(io, o.db), async (store) => {
          const week = o.week ?? (await defaultCompstatWeek(store, io.now()));
          const report = await compstatReport(store, {
            week,
            level: o.level,
            unit: o.unit,
            countEveryOffense: o.countEveryOffense === true,
            dateBasis: o.byReportDate ? 'reported' : 'occurred',
          });
          // When the agency has calls for service, the page gains a "police response" section (JSON:
          // an added "response" field; CSV stays one table: use `report response --format csv`).
          const response =
            o.format === 'csv' ? null : await policeResponseSection(store, { week, level: o.level });
          if (o.format === 'json') {
            const remainder = compstatRemainder(report);
            io.out(
              `${JSON.stringify(response ? { ...report, remainder, response } : { ...report, remainder })}\n`,
            );
          } else if (o.format === 'csv') io.out(formatReportCsv(report));
          else {
            const agency = await store.getAgency();
            const locale = initialLocale(io, program.opts<{ lang?: string }>().lang, agency?.locale);
            if (agency && isDemoAgency(agency)) io.out(`${translate(locale, 'demo.notice')}\n`);
            io.out(formatReportTable(report, locale));
            if (report.enforcement) io.out(formatEnforcementTable(report.enforcement, locale));
            if (response) io.out(formatResponseSection(response, locale));
          }
        });
      },
    );
}
