import type { Command } from 'commander';
import { importCalls } from '@vigia/services';
import type { Io } from '../context.js';
import { formatCallImportSummary } from '../format/call-import-summary.js';
import { registerFileImport } from './file-import-command.js';

/** `vigia import calls FILE --profile NAME [--mapping FILE] [--json]`, under `import`. */
export function registerImportCalls(imp: Command, io: Io, lang: () => string | undefined): void {
  registerFileImport(imp, io, lang, {
    kind: 'calls',
    description: 'import a CAD calls-for-service export / importar llamadas de servicio (CAD)',
    profiles: 'seattle-cad, sacramento-cad or generic',
    run: importCalls,
    format: formatCallImportSummary,
  });
}
