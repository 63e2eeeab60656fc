import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { translate, VigiaError } from '@vigia/domain';
import { backupStore, restoreStore } from '@vigia/services';
import type { BackupInfo } from '@vigia/store';
import { cliActor, initialLocale, type Io } from '../context.js';
import { formatCount } from '../format/number.js';
import { dbLocation, withStore } from '../run-with-store.js';

/** `vigia backup FILE [--db DB] [--json]` and `vigia restore FILE [--db DB] [--replace] [--json]` */
export function registerBackup(program: Command, io: Io): void {
  const lang = () => program.opts<{ lang?: string }>().lang;
  const say = (
    key: 'backup.done' | 'backup.restored',
    info: BackupInfo,
    db: string,
    agencyLocale?: string,
  ) => {
    const locale = initialLocale(io, lang(), agencyLocale);
    const n = (table: string) => formatCount(info.tables[table] ?? 0, locale);
    const params = {
      db,
      file: info.file,
      incidents: n('incident'),
      units: n('unit'),
      imports: n('import_batch'),
    };
    io.out(`${translate(locale, key, params)}\n`);
  };
  program
    .command('backup <file>')
    .description(
      'write a consistent copy of the whole database / copia de seguridad de toda la base de datos',
    )
    .option('--db <db>', 'database: a DuckDB file or a postgres:// URL')
    .option('--json', 'print what was written as JSON')
    .action(async (file: string, o: { db?: string; json?: boolean }) => {
      const db = dbLocation(io, o.db);
      await withStore(db, async (store) => {
        const info = await backupStore(store, file, cliActor(io));
        if (o.json) io.out(`${JSON.stringify(info)}\n`);
        else say('backup.done', info, store.location, (await store.getAgency())?.locale);
      });
    });
  program
    .command('restore <file>')
    .description('replace the database content with a backup / restaurar una copia de seguridad')
    .option('--db <db>', 'database: a DuckDB file or a postgres:// URL (created when missing)')
    .option('--replace', 'overwrite a database that already holds data')
    .option('--json', 'print what was restored as JSON')
    .action(async (file: string, o: { db?: string; replace?: boolean; json?: boolean }) => {
      // Before the database is created: a mistyped backup name must not leave an empty database.
      if (!existsSync(file)) throw new VigiaError('FILE_NOT_FOUND', { file });
      const db = dbLocation(io, o.db);
      await withStore(
        db,
        async (store) => {
          const info = await restoreStore(store, file, { replace: o.replace === true, actor: cliActor(io) });
          if (o.json) io.out(`${JSON.stringify(info)}\n`);
          else say('backup.restored', info, store.location, (await store.getAgency())?.locale);
        },
        { create: true },
      );
    });
}
