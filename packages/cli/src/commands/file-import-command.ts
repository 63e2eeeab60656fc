import type { Command } from 'commander';
import type { Locale } from '@vigia/domain';
import type { ImportIncidentsInput } from '@vigia/services';
import type { Store } from '@vigia/store';
import { cliActor, initialLocale, type Io } from '../context.js';
import { importProgress } from '../progress.js';
import { dbLocation, withStore } from '../run-with-store.js';

/** The reconciliation fields every import summary starts with (`--json` prints them first). */
interface ReconciledSummary {
  read: number;
  stored: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  quarantineReasons: object;
}

/**
 * Registers `import <kind> <file> --profile NAME [--mapping FILE] [--json] [--db FILE]`: the shared
 * shape of file imports (incidents, calls). Runs `run` with a progress bar on a terminal, then prints
 * the summary as JSON (reconciliation fields first) or with `format`.
 */
export function registerFileImport<S extends ReconciledSummary>(
  imp: Command,
  io: Io,
  lang: () => string | undefined,
  spec: {
    kind: string;
    description: string;
    profiles: string;
    run: (store: Store, input: ImportIncidentsInput) => Promise<S>;
    format: (summary: S, locale: Locale) => string;
  },
): void {
  imp
    .command(`${spec.kind} <file>`)
    .description(spec.description)
    .option('--db <file>', 'database file')
    .requiredOption('--profile <name>', spec.profiles)
    .option('--mapping <file>', 'JSON mapping (required with --profile generic)')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, o: { db?: string; profile: string; mapping?: string; json?: boolean }) => {
      await withStore(dbLocation(io, o.db), async (store) => {
        const locale = initialLocale(io, lang(), (await store.getAgency())?.locale);
        const progress = importProgress(io, locale, !o.json);
        let summary: S;
        try {
          summary = await spec.run(store, {
            file,
            profile: o.profile,
            mappingFile: o.mapping,
            nowMs: io.now(),
            onProgress: progress.onProgress,
            onMerge: progress.onMerge,
            actor: cliActor(io),
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
          io.out(spec.format(summary, locale));
        }
      });
    });
}
