import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One field of a COPY text row: null is `\N`. */
export type CopyValue = string | number | boolean | null;

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\0': '\uFFFD',
};
const SPECIAL = /[\\\t\n\r\0]/;

/**
 * A value in PostgreSQL's COPY text format: backslash, tab, newline and carriage return escaped,
 * null as `\N`, booleans as t/f. Numbers are written with JavaScript's shortest round-trip form, which
 * PostgreSQL reads back to the same double. PostgreSQL text cannot hold NUL: it becomes U+FFFD.
 * @see https://www.postgresql.org/docs/15/sql-copy.html (Text Format)
 */
export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (!SPECIAL.test(v)) return v;
  return v.replace(/[\\\t\n\r\0]/g, (c) => ESCAPES[c] ?? c);
}

const CHUNK_CHARS = 1 << 18;

/**
 * Streams rows into `COPY table FROM STDIN` on one client. Rows are added synchronously and sent in
 * chunks of ~256 KiB; {@link CopyWriter.drain} waits while the server is behind, so memory stays bounded
 * however large the file. A server error is kept and thrown by the next drain or end.
 */
export class CopyWriter {
  private parts: string[] = [];
  private chars = 0;
  private failure: Error | null = null;
  private readonly stream: ReturnType<typeof copyFrom>;

  constructor(client: pg.PoolClient, copySql: string) {
    this.stream = client.query(copyFrom(copySql));
    this.stream.on('error', (e: Error) => {
      this.failure ??= e;
    });
  }

  /** Adds one row (fields in the COPY column order). */
  add(fields: readonly CopyValue[]): void {
    let line = '';
    for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : '\t') + copyField(fields[i]!);
    this.addLine(line);
  }

  /** Adds one row already in COPY text format (without the newline). */
  addLine(line: string): void {
    this.parts.push(line, '\n');
    this.chars += line.length + 1;
    if (this.chars >= CHUNK_CHARS) this.send();
  }

  private send(): void {
    if (this.chars === 0) return;
    this.stream.write(this.parts.join(''));
    this.parts = [];
    this.chars = 0;
  }

  /** Sends what is buffered and waits until the server has taken it. @throws the server's error. */
  async drain(): Promise<void> {
    this.rethrow();
    this.send();
    if (this.stream.writableNeedDrain) await Promise.race([once(this.stream, 'drain'), this.failed()]);
    this.rethrow();
  }

  /** Ends the COPY and waits for the server to confirm it. @throws the server's error. */
  async end(): Promise<void> {
    this.rethrow();
    this.send();
    this.stream.end();
    await finished(this.stream).catch((e: unknown) => {
      this.failure ??= e instanceof Error ? e : new Error(String(e));
    });
    this.rethrow();
  }

  private failed(): Promise<void> {
    return new Promise((resolve) => this.stream.once('error', () => resolve()));
  }

  private rethrow(): void {
    if (this.failure !== null) throw this.failure;
  }
}
