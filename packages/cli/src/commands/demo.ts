import type { Command } from 'commander';
import { translate } from '@vigia/domain';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  compstatReport,
  defaultCompstatWeek,
  isDemoAgency,
  requireAgency,
  seedDemo,
  seedDemoAccounts,
} from '@vigia/services';
import { initialLocale, type Io } from '../context.js';
import { formatImportSummary } from '../format/import-summary.js';
import { formatReportTable } from '../format/report-table.js';
import { dbLocation, withStore } from '../run-with-store.js';
import { parseListen, serveStore } from './serve.js';

/**
 * `vigia demo [--db FILE]` (what `npm start` runs): seeds the synthetic demo city when the database has
 * no agency yet, then prints the COMPSTAT report of the week the dashboard opens on (the latest complete
 * week, or the last week the data cover whole: defaultCompstatWeek) for the agency and its top level.
 */
export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description(
      'seed the synthetic demo (if empty) and print the latest week / sembrar la demo e imprimir la última semana',
    )
    .option('--db <file>', 'database file')
    .option('--serve', 'then serve the dashboard and API (what npm start does)')
    .option('--port <n>', 'TCP port for --serve (default PORT, else 8080)')
    .option('--host <addr>', 'address for --serve (default 127.0.0.1: this computer only)')
    .action(async (o: { db?: string; serve?: boolean; port?: string; host?: string }) => {
      const db = dbLocation(io, o.db);
      const listen = o.serve ? parseListen(io, o) : null;
      await withStore(
        db,
        async (store) => {
          let locale = initialLocale(io, program.opts<{ lang?: string }>().lang);
          if (!(await store.getAgency())) {
            io.err(`${translate(locale, 'demo.seeding', { db })}\n`);
            const summary = await seedDemo(store, io.now());
            io.err(formatImportSummary(summary, locale));
            io.err(`${translate(locale, 'demo.ready', { db })}\n\n`);
          } else {
            io.err(`${translate(locale, 'demo.reusing', { db })}\n\n`);
          }
          const agency = await requireAgency(store);
          locale = initialLocale(io, program.opts<{ lang?: string }>().lang, agency.locale);
          const week = await defaultCompstatWeek(store, io.now());
          const report = await compstatReport(store, { week });
          if (isDemoAgency(agency)) io.out(`${translate(locale, 'demo.notice')}\n`);
          io.out(formatReportTable(report, locale));
          // Demo accounts only in the synthetic demo database (seedDemoAccounts refuses any other).
          await seedDemoAccounts(store, io.now());
          const accounts = isDemoAgency(agency)
            ? translate(locale, 'demo.accounts', {
                password: DEMO_PASSWORD,
                accounts: DEMO_ACCOUNTS.map(
                  (a) => `${a.username} (${a.role}${a.unitCode ? ` ${a.unitCode}` : ''})`,
                ).join(', '),
              })
            : undefined;
          if (listen) await serveStore(store, db, io, locale, { ...listen, notice: accounts });
          else if (accounts) io.err(`${accounts}\n`);
        },
        { create: true },
      );
    });
}
