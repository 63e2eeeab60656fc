import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { authOptionsFromEnv, buildApp } from '@vigia/api';
import { VigiaError, translate, type Locale } from '@vigia/domain';
import type { Store } from '@vigia/store';
import { initialLocale, type Io } from '../context.js';
import { dbLocation, withStore } from '../run-with-store.js';

/** Options of {@link serveStore}. */
export interface ServeOptions {
  port: number;
  host: string;
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  until?: Promise<void>;
  /** A line printed once the server listens (the demo's sign-in accounts). */
  notice?: string;
}

/** VIGIA_TRUST_PROXY: unset = trust no proxy; 1/true = any; else an address list for Fastify. */
function trustProxyOf(value: string | undefined): boolean | string {
  const v = value?.trim();
  if (!v || v === '0' || v === 'false') return false;
  return v === '1' || v === 'true' ? true : v;
}

/** The built dashboard: VIGIA_WEB_ROOT, else packages/web/dist beside this package. */
export function webRoot(io: Io): string {
  return io.env['VIGIA_WEB_ROOT'] ?? fileURLToPath(new URL('../../../web/dist/', import.meta.url));
}

/** Port and host options shared by `serve` and `demo --serve`; PORT and VIGIA_HOST are the defaults. */
export function parseListen(io: Io, o: { port?: string; host?: string }): { port: number; host: string } {
  const portText = o.port ?? io.env['PORT'] ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new VigiaError('INVALID_ARGUMENT', { name: '--port', value: portText });
  }
  return { port, host: o.host ?? io.env['VIGIA_HOST'] ?? '127.0.0.1' };
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/**
 * Serves the dashboard and the API on `store` until `until` resolves (Ctrl+C by default), then closes
 * the server (the caller closes the store). Prints the URL on stderr.
 */
export async function serveStore(
  store: Store,
  db: string,
  io: Io,
  locale: Locale,
  o: ServeOptions,
): Promise<void> {
  const root = webRoot(io);
  const hasWeb = existsSync(join(root, 'index.html'));
  const app = await buildApp({
    store,
    webRoot: hasWeb ? root : null,
    logger: { level: 'warn', stream: process.stderr },
    now: io.now,
    auth: authOptionsFromEnv(io.env),
    trustProxy: trustProxyOf(io.env['VIGIA_TRUST_PROXY']),
  });
  const address = await app.listen({ port: o.port, host: o.host });
  const url = address.replace('://127.0.0.1', '://localhost');
  io.err(`${translate(locale, 'serve.listening', { db, url })}\n`);
  if (o.host === '127.0.0.1' || o.host === 'localhost') io.err(`${translate(locale, 'serve.localOnly')}\n`);
  if (!hasWeb) io.err(`${translate(locale, 'serve.noWeb')}\n`);
  if ((await store.listUsers()).length === 0) io.err(`${translate(locale, 'serve.noUsers', { db })}\n`);
  if (o.notice) io.err(`${o.notice}\n`);
  await (o.until ?? signalled());
  io.err(`${translate(locale, 'serve.stopping')}\n`);
  await app.close();
}

/** `vigia serve [--db FILE] [--port N] [--host ADDR]`: the dashboard and API on an existing database. */
export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .description('serve the dashboard and the HTTP API / servir el tablero y la API HTTP')
    .option('--db <file>', 'database file')
    .option('--port <n>', 'TCP port (default PORT, else 8080)')
    .option('--host <addr>', 'address to listen on (default 127.0.0.1: this computer only)')
    .action(async (o: { db?: string; port?: string; host?: string }) => {
      const db = dbLocation(io, o.db);
      const listen = parseListen(io, o);
      await withStore(db, async (store) => {
        const agency = await store.getAgency();
        const locale = initialLocale(io, program.opts<{ lang?: string }>().lang, agency?.locale);
        await serveStore(store, db, io, locale, listen);
      });
    });
}
