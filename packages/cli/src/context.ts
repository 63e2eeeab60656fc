import { hostname, userInfo } from 'node:os';
import { localeFromTag, type Locale } from '@vigia/domain';
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

/**
 * The language of messages before an agency is known: `--lang`, else VIGIA_LANG, else LANG/LC_ALL,
 * else Spanish (the first users are Central American forces).
 */
export function initialLocale(io: Io, lang?: string): Locale {
  // `||`, not `??`: an empty variable counts as unset (POSIX), so `LC_ALL=` does not hide LANG.
  return localeFromTag(lang || io.env['VIGIA_LANG'] || io.env['LC_ALL'] || io.env['LANG'], 'es');
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
