import { StringDecoder } from 'node:string_decoder';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

const UNESCAPE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/**
 * One field of a COPY text row as PostgreSQL writes it: `\N` is null; backslash sequences (`\\`, `\t`,
 * `\n`, `\r`, `\b`, `\f`, `\v`) are undone. COPY TO never writes octal or hex sequences.
 * @see https://www.postgresql.org/docs/15/sql-copy.html (Text Format)
 */
export function copyFieldValue(text: string): string | null {
  if (text === '\\N') return null;
  if (!text.includes('\\')) return text;
  return text.replace(/\\(.)/g, (_, c: string) => UNESCAPE[c] ?? c);
}

/**
 * Runs `COPY (query) TO STDOUT` on `client` and hands every row to `onRow` as its raw fields (COPY text:
 * decode text fields with {@link copyFieldValue}; numbers and `\N` can be read directly). Streams: a
 * million rows never sit in memory as row objects, and no per-row result parsing happens in the driver.
 * `query` must not take parameters (COPY cannot): give values as literals.
 */
export async function copyRows(
  client: pg.PoolClient,
  query: string,
  onRow: (fields: string[]) => void,
): Promise<void> {
  const stream = client.query(copyTo(`COPY (${query}) TO STDOUT`));
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      onRow(text.slice(start, nl).split('\t'));
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.end();
  if (rest !== '') onRow(rest.split('\t'));
}
