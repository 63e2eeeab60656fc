import { hostname, userInfo } from 'node:os';
import { isLocale, type Locale } from '@vigia/domain';
import { promptHidden, readAllStdin } from './secret-input.js';

/** Where a command writes: injectable so tests capture output. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal (progress bars only then). */
  interactive: boolean;
  /** "Now" as UTC epoch ms. */
  now: () => number;
  env: Record<string, string | undefined>;
  /**
   * Asks for a secret at the terminal without echoing it (passwords); absent when standard input is
   * not a terminal.
   */
  promptSecret?: (prompt: string) => Promise<string>;
  /** Reads all of standard input (`--password-stdin`). */
  readStdin?: () => Promise<string>;
}

/** The process's real streams and clock. */
export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    interactive: process.stderr.isTTY === true,
    now: () => Date.now(),
    env: process.env,
    ...(process.stdin.isTTY ? { promptSecret: promptHidden } : {}),
    readStdin: readAllStdin,
  };
}

/** `es` or `en` from a language tag or POSIX locale name (`en`, `en_US.UTF-8`, `es-PA`), else undefined. */
function localeOf(tag: string | undefined): Locale | undefined {
  const lang = (tag ?? '').toLowerCase().slice(0, 2);
  return isLocale(lang) ? lang : undefined;
}

/**
 * The language the system's locale asks for: the first set of LC_ALL, LC_MESSAGES and LANG (POSIX
 * precedence; an empty variable counts as unset), when it names Spanish or English. The C and POSIX
 * locales (`C`, `C.UTF-8`, `POSIX`: what containers and cron run with) name no language, so they, like
 * any other language, are no preference.
 */
function systemLocale(env: Io['env']): Locale | undefined {
  // `||`, not `??`: an empty variable counts as unset (POSIX), so `LC_ALL=` does not hide LANG.
  const name = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'];
  if (name === undefined || /^(c|posix)([._@]|$)/i.test(name)) return undefined;
  return localeOf(name);
}

/**
 * The language of a command's messages: `--lang` (`flag`), else VIGIA_LANG (an explicit choice, so it
 * beats the agency's locale: `VIGIA_LANG=en npm start` shows the Spanish demo city in English), else
 * the locale of the agency once a database is open (`agencyLocale`), else the system's (systemLocale:
 * LC_ALL, LC_MESSAGES, LANG; C/POSIX is no preference), else Spanish, the product's first language.
 * A value that is not Spanish or English counts as unset (an invalid `--lang` is refused before this).
 */
export function initialLocale(io: Io, flag?: string, agencyLocale?: string): Locale {
  return (
    localeOf(flag) ?? localeOf(io.env['VIGIA_LANG']) ?? localeOf(agencyLocale) ?? systemLocale(io.env) ?? 'es'
  );
}

/**
 * The audit actor of a command: `cli:<os user>@<hostname>` (docs/audit.md). The OS account is what the
 * machine vouches for; whoever runs the CLI can also open the database directly, so this names who
 * did it, it does not authenticate them. Falls back to USER / LOGNAME when the account has no name.
 */
export function cliActor(io: Pick<Io, 'env'>): string {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (some containers)
  }
  user ||= io.env['USER'] || io.env['LOGNAME'] || 'unknown';
  return `cli:${user}@${hostname()}`;
}
