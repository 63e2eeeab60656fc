import { Command, CommanderError } from 'commander';
import { isLocale, isVigiaError, VigiaError } from '@vigia/domain';
import { initialLocale, processIo, type Io } from './context.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerBackup } from './commands/backup.js';
import { registerBook } from './commands/book.js';
import { registerDemo } from './commands/demo.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerMeeting } from './commands/meeting.js';
import { registerQuarantine } from './commands/quarantine.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { registerUsers } from './commands/users.js';
import { seenAgency } from './run-with-store.js';
import { registerAudit } from './commands/audit.js';
import { ExitStatus } from './exit-status.js';
import { usageMessage } from './usage-error.js';

/** Commander's codes for help and version output, which are not usage errors to report. */
const HELP_CODES = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

/**
 * Runs the `vigia` command line with `argv` (as process.argv: node, script, args...) and returns the
 * exit code: 0 success, 1 a catalogued error (message in Spanish or English on stderr) or a failed check
 * (`audit verify`), 2 bad usage,
 * 70 an unexpected error (stack trace only with VIGIA_DEBUG=1).
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const program = new Command('vigia')
    .description('Vigía — COMPSTAT: import, map and compare crime statistics')
    .option(
      '--lang <es|en>',
      'language of messages (default: VIGIA_LANG, else the agency locale, else LC_ALL, LC_MESSAGES or LANG, else es) / idioma de los mensajes',
    )
    .exitOverride()
    // Usage errors are printed below, in the user's language (commander's own are English only).
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined });
  registerInit(program, io);
  registerImport(program, io);
  registerReport(program, io);
  registerBook(program, io);
  registerDemo(program, io);
  registerQuarantine(program, io);
  registerServe(program, io);
  registerAnalyze(program, io);
  registerBackup(program, io);
  registerAudit(program, io);
  registerUsers(program, io);
  registerMeeting(program, io);
  seenAgency.locale = undefined;
  program.hook('preAction', () => {
    const lang = program.opts<{ lang?: string }>().lang;
    if (lang !== undefined && !isLocale(lang.toLowerCase().slice(0, 2))) {
      throw new VigiaError('INVALID_LOCALE', { value: lang });
    }
  });
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof ExitStatus) return e.code;
    // --lang, else VIGIA_LANG, else the language of the agency the command had opened, else LANG.
    const lang = program.opts<{ lang?: string }>().lang;
    const tag = lang?.toLowerCase().slice(0, 2);
    const locale = initialLocale(io, isLocale(tag) ? tag : undefined, seenAgency.locale);
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      // Help asked for with an error status (no command given) was printed already.
      if (!HELP_CODES.has(e.code)) io.err(`vigia: ${usageMessage(e, locale)}\n`);
      return 2;
    }
    const error = isVigiaError(e)
      ? e
      : new VigiaError('INTERNAL', { detail: e instanceof Error ? e.message : String(e) });
    io.err(`vigia: ${error.messageIn(locale)}\n`);
    // A script that asked for JSON gets the error as JSON on stdout too.
    if (argv.includes('--json') || argv.join(' ').includes('--format json')) {
      io.out(`${JSON.stringify({ error: { code: error.code, message: error.messageIn(locale) } })}\n`);
    }
    if (isVigiaError(e)) return 1;
    if (io.env['VIGIA_DEBUG']) io.err(`${e instanceof Error ? e.stack : String(e)}\n`);
    return 70;
  }
}
