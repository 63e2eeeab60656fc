import { Option, type Command } from 'commander';
import { VigiaError } from '@vigia/domain';
import { listQuarantine } from '@vigia/services';
import { initialLocale, type Io } from '../context.js';
import { formatQuarantineTable } from '../format/quarantine-table.js';
import { dbLocation, withStore } from '../run-with-store.js';

/** `vigia quarantine list --db FILE [--import N] [--limit N] [--format table|json]` */
export function registerQuarantine(program: Command, io: Io): void {
  const q = program.command('quarantine').description('rows kept aside by validation / filas en cuarentena');
  q.command('list')
    .description(
      'list quarantined rows with file, row, reason, column and value / listar filas en cuarentena',
    )
    .option('--db <file>', 'database file')
    .option('--import <id>', 'only this import (its number is in the import summary)')
    .addOption(new Option('--limit <n>', 'at most this many rows').default('200'))
    .option('--format <table|json>', 'output format', 'table')
    .action(async (o: { db?: string; import?: string; limit: string; format: string }) => {
      const importId = o.import === undefined ? undefined : Number(o.import);
      if (importId !== undefined && !Number.isInteger(importId)) {
        throw new VigiaError('INVALID_ARGUMENT', { name: '--import', value: o.import ?? '' });
      }
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new VigiaError('INVALID_ARGUMENT', { name: '--limit', value: o.limit });
      if (o.format !== 'table' && o.format !== 'json') {
        throw new VigiaError('INVALID_ARGUMENT', { name: '--format', value: o.format });
      }
      await withStore(dbLocation(io, o.db), async (store) => {
        const rows = await listQuarantine(store, { importId, limit });
        if (o.format === 'json') io.out(`${JSON.stringify(rows)}\n`);
        else {
          const locale = initialLocale(
            io,
            program.opts<{ lang?: string }>().lang,
            (await store.getAgency())?.locale,
          );
          io.out(formatQuarantineTable(rows, locale));
        }
      });
    });
}
