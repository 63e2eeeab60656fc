import type { Command } from 'commander';
import { translate } from '@vigia/domain';
import { importIncidents, importUnits } from '@vigia/services';
import { cliActor, initialLocale, type Io } from '../context.js';
import { formatImportSummary } from '../format/import-summary.js';
import { formatCount } from '../format/number.js';
import { dbLocation, withStore } from '../run-with-store.js';
import { registerImportCalls } from './import-calls.js';
import { registerFileImport } from './file-import-command.js';

/** `vigia import units ...` and `vigia import incidents ...` */
export function registerImport(program: Command, io: Io): void {
  const lang = () => program.opts<{ lang?: string }>().lang;
  const imp = program
    .command('import')
    .description('import units, incidents or calls / importar unidades, incidentes o llamadas');
  imp
    .command('units <file>')
    .description('import one level of units from GeoJSON / importar un nivel de unidades desde GeoJSON')
    .option('--db <file>', 'database file')
    .requiredOption('--level <name>', 'level name, e.g. district, beat, precinto')
    .requiredOption('--code-property <prop>', 'feature property with the unit code')
    .option('--name-property <prop>', 'feature property with the unit name')
    .option('--parent-level <name>', 'level of the parent units (already imported)')
    .option('--parent-property <prop>', 'feature property with the parent unit code')
    .action(
      async (
        file: string,
        o: {
          db?: string;
          level: string;
          codeProperty: string;
          nameProperty?: string;
          parentLevel?: string;
          parentProperty?: string;
        },
      ) => {
        await withStore(dbLocation(io, o.db), async (store) => {
          const r = await importUnits(store, { file, ...o, actor: cliActor(io) });
          const locale = initialLocale(io, lang(), (await store.getAgency())?.locale);
          const { level, count, created, updated } = r;
          const n = (v: number) => formatCount(v, locale);
          io.out(
            `${translate(locale, 'import.units', { level, count: n(count), created: n(created), updated: n(updated) })}\n`,
          );
          if (r.replaced > 0)
            io.out(`${translate(locale, 'import.unitsReplaced', { count: n(r.replaced) })}\n`);
          for (const s of r.skipped) {
            io.err(
              `${translate(locale, 'import.unitSkipped', { feature: s.feature, code: s.code ?? '', type: s.geometryType, file })}\n`,
            );
          }
        });
      },
    );
  registerFileImport(imp, io, lang, {
    kind: 'incidents',
    description: 'import an incident export (CSV or XLSX) / importar una exportación de incidentes',
    profiles: 'chicago-code, houston, medellin, nyc-homicides or generic',
    run: importIncidents,
    format: formatImportSummary,
  });
  registerImportCalls(imp, io, lang);
}
