import type { Command } from 'commander';
import { VigiaError, translate, validateAgencyInput } from '@vigia/domain';
import { checkAgencyCrs, initAgency } from '@vigia/services';
import { cliActor, initialLocale, type Io } from '../context.js';
import { dbLocation, withStore } from '../run-with-store.js';

/**
 * `vigia init --db FILE --agency-name NAME --time-zone IANA [--locale es|en] [--country CC] [--epsg N]`
 * (`--epsg`: the metric CRS every spatial analysis uses by default, checked before the file is made).
 */
export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description('create the database and its agency / crear la base de datos y su institución')
    .option(
      '--db <file>',
      'database: a DuckDB file or a postgres:// URL (default VIGIA_DATABASE_URL, VIGIA_DB, ./vigia.duckdb)',
    )
    .requiredOption('--agency-name <name>', 'agency name')
    .requiredOption('--time-zone <iana>', 'IANA time zone, e.g. America/Panama')
    .option('--locale <es|en>', 'language of reports', 'es')
    .option('--country <code>', 'ISO 3166-1 alpha-2 country code', '')
    .option('--epsg <code>', 'metric CRS of spatial analyses (default: the UTM zone of the data)')
    .action(
      async (o: {
        db?: string;
        agencyName: string;
        timeZone: string;
        locale: string;
        country: string;
        epsg?: string;
      }) => {
        const db = dbLocation(io, o.db);
        const epsg = o.epsg === undefined ? undefined : Number(o.epsg);
        if (epsg !== undefined && (!/^\d+$/.test(o.epsg!) || !Number.isSafeInteger(epsg)))
          throw new VigiaError('INVALID_ARGUMENT', { name: '--epsg', value: o.epsg! });
        const input = {
          name: o.agencyName,
          timeZone: o.timeZone,
          locale: o.locale,
          country: o.country,
          epsg,
        };
        // before the file exists: a typo must not leave an empty database
        validateAgencyInput(input);
        if (epsg !== undefined) checkAgencyCrs(epsg);
        const agency = await withStore(db, (store) => initAgency(store, { ...input, actor: cliActor(io) }), {
          create: true,
        });
        const locale = initialLocale(io, program.opts<{ lang?: string }>().lang, agency.locale);
        io.out(`${translate(locale, 'init.done', { name: agency.name, timeZone: agency.timeZone, db })}\n`);
      },
    );
}
