import type { Command } from 'commander';
import { importCalls } from '@vigia/services';
import { initialLocale, type Io } from '../context.js';
import { formatCallImportSummary } from '../format/call-import-summary.js';
import { importProgress } from '../progress.js';
import { dbLocation, withStore } from '../run-with-store.js';

/** `vigia import calls FILE --profile NAME [--mapping FILE] [--json]`, under `import`. */
export function registerImportCalls(imp: Command, io: Io, lang: () => string | undefined): void {
  imp
    .command('calls <file>')
    .description('import a CAD calls-for-service export / importar llamadas de servicio (CAD)')
    .option('--db <file>', 'database file')
    .requiredOption('--profile <name>', 'seattle-cad, sacramento-cad or generic')
    .option('--mapping <file>', 'JSON mapping (required with --profile generic)')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, o: { db?: string; profile: string; mapping?: string; json?: boolean }) => {
      await withStore(dbLocation(io, o.db), async (store) => {
        const locale = initialLocale(io, lang() ?? (await store.getAgency())?.locale);
        const progress = importProgress(io, locale, !o.json);
        let summary;
        try {
          summary = await importCalls(store, {
            file,
            profile: o.profile,
            mappingFile: o.mapping,
            nowMs: io.now(),
            onProgress: progress.onProgress,
            onMerge: progress.onMerge,
          });
        } finally {
          progress.stop();
        }
        if (o.json) {
          const { read, stored, updated, unchanged, quarantined, quarantineReasons, ...rest } = summary;
          io.out(
            `${JSON.stringify({ read, stored, updated, unchanged, quarantined, quarantineReasons, ...rest })}\n`,
          );
        } else {
          io.out(formatCallImportSummary(summary, locale));
        }
      });
    });
}
