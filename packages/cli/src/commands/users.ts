import { hostname, userInfo } from 'node:os';
import type { Command } from 'commander';
import { VigiaError, isRole, translate, type Locale } from '@vigia/domain';
import { changeAccount, createAccount, requireAccount } from '@vigia/services';
import type { Store } from '@vigia/store';
import { initialLocale, type Io } from '../context.js';
import { dbLocation, withStore } from '../run-with-store.js';

/** The audit actor of a command: `cli:<OS user>@<host>`. */
export function cliActor(io: Io): string {
  let user = io.env['USER'] ?? io.env['USERNAME'] ?? 'unknown';
  try {
    user = userInfo().username || user;
  } catch {
    // No passwd entry (some containers): keep the environment's name.
  }
  return `cli:${user}@${hostname()}`;
}

/**
 * The password of a command: the first line of standard input with `--password-stdin`, else typed
 * twice at the terminal without echo.
 * @throws VigiaError PASSWORD_INPUT_REQUIRED (no terminal and no --password-stdin), PASSWORD_MISMATCH.
 */
async function readPassword(io: Io, locale: Locale, username: string, fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    const text = (await io.readStdin?.()) ?? '';
    return text.split(/\r?\n/)[0] ?? '';
  }
  if (!io.promptSecret) throw new VigiaError('PASSWORD_INPUT_REQUIRED', {});
  const first = await io.promptSecret(translate(locale, 'users.prompt', { username }));
  const second = await io.promptSecret(translate(locale, 'users.promptAgain'));
  if (first !== second) throw new VigiaError('PASSWORD_MISMATCH', {});
  return first;
}

const DB_HELP =
  'database: a DuckDB file or a postgres:// URL (default VIGIA_DATABASE_URL, VIGIA_DB, ./vigia.duckdb)';

/**
 * `vigia users create|list|set-password|unlock`: local accounts (issue 6). Passwords are typed without
 * echo (twice) or piped with `--password-stdin`, checked for strength and stored as argon2id hashes;
 * every change is audited with `cli:<OS user>@<host>` as actor.
 */
export function registerUsers(program: Command, io: Io): void {
  const users = program.command('users').description('user accounts / cuentas de usuario');
  const localeOf = async (store: Store) =>
    initialLocale(io, program.opts<{ lang?: string }>().lang, (await store.getAgency())?.locale);

  users
    .command('create')
    .description('create an account (the first one: --role admin) / crear una cuenta')
    .option('--db <file>', DB_HELP)
    .requiredOption('--username <name>', 'user name (letters, digits, . _ - @)')
    .requiredOption('--role <role>', 'admin | analyst | command_staff | commander | viewer')
    .option('--unit <code>', "the commander's unit code")
    .option('--name <name>', 'display name (default: the user name)')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(
      async (o: {
        db?: string;
        username: string;
        role: string;
        unit?: string;
        name?: string;
        passwordStdin?: boolean;
      }) => {
        if (!isRole(o.role)) throw new VigiaError('INVALID_ARGUMENT', { name: '--role', value: o.role });
        const role = o.role;
        await withStore(dbLocation(io, o.db), async (store) => {
          const locale = await localeOf(store);
          const password = await readPassword(io, locale, o.username, o.passwordStdin === true);
          const user = await createAccount(
            store,
            { username: o.username, displayName: o.name, role, unitCode: o.unit ?? null, password },
            cliActor(io),
            io.now(),
          );
          const unit = role === 'commander' && o.unit ? `, ${o.unit}` : '';
          io.out(`${translate(locale, 'users.created', { username: user.username, role, unit })}\n`);
        });
      },
    );

  users
    .command('list')
    .description('list the accounts / listar las cuentas')
    .option('--db <file>', DB_HELP)
    .option('--format <table|json>', 'output format', 'table')
    .action(async (o: { db?: string; format: string }) => {
      if (o.format !== 'table' && o.format !== 'json') {
        throw new VigiaError('INVALID_ARGUMENT', { name: '--format', value: o.format });
      }
      await withStore(dbLocation(io, o.db), async (store) => {
        const locale = await localeOf(store);
        const units = new Map((await store.listUnits({ withGeometry: false })).map((u) => [u.id, u.code]));
        const now = io.now();
        const rows = (await store.listUsers()).map((u) => ({
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          unit: u.unitId === null ? null : (units.get(u.unitId) ?? null),
          disabled: u.disabled,
          lockedUntil:
            u.lockedUntil !== null && u.lockedUntil > now ? new Date(u.lockedUntil).toISOString() : null,
        }));
        if (o.format === 'json') {
          io.out(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        if (rows.length === 0) {
          io.out(`${translate(locale, 'users.none')}\n`);
          return;
        }
        const status = (r: (typeof rows)[number]) =>
          r.disabled
            ? translate(locale, 'users.disabled')
            : r.lockedUntil
              ? translate(locale, 'users.lockedUntil', { until: r.lockedUntil })
              : translate(locale, 'users.active');
        const table = rows.map((r) => [r.username, r.displayName, r.role, r.unit ?? '—', status(r)]);
        const widths = [0, 1, 2, 3].map((i) => Math.max(...table.map((t) => [...t[i]!].length)));
        io.out(`# ${translate(locale, 'users.header')}\n`);
        for (const t of table) io.out(`${t.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c)).join('  ')}\n`);
      });
    });

  users
    .command('set-password')
    .description("set a user's password (ends their sessions) / cambiar la contraseña")
    .option('--db <file>', DB_HELP)
    .requiredOption('--username <name>', 'user name')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (o: { db?: string; username: string; passwordStdin?: boolean }) => {
      await withStore(dbLocation(io, o.db), async (store) => {
        const locale = await localeOf(store);
        const user = await requireAccount(store, o.username);
        const password = await readPassword(io, locale, user.username, o.passwordStdin === true);
        await changeAccount(store, user.id, { password }, cliActor(io), io.now());
        io.out(`${translate(locale, 'users.passwordSet', { username: user.username })}\n`);
      });
    });

  users
    .command('unlock')
    .description('clear a lockout after failed sign-ins / desbloquear una cuenta')
    .option('--db <file>', DB_HELP)
    .requiredOption('--username <name>', 'user name')
    .action(async (o: { db?: string; username: string }) => {
      await withStore(dbLocation(io, o.db), async (store) => {
        const locale = await localeOf(store);
        const user = await requireAccount(store, o.username);
        await changeAccount(store, user.id, { unlock: true }, cliActor(io), io.now());
        io.out(`${translate(locale, 'users.unlocked', { username: user.username })}\n`);
      });
    });
}
