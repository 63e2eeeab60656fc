import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../context.js';
import { main } from '../main.js';

/** What one `vigia` run printed and returned. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs `vigia args...` in-process with captured stdout/stderr, a fixed clock and an explicit
 * environment (never the host's LANG or VIGIA_DB), and a non-interactive stderr (no progress bar).
 */
export async function runCli(
  args: readonly string[],
  options: {
    nowMs: number;
    env?: Record<string, string | undefined>;
    /** Standard input (what `--password-stdin` reads). */
    stdin?: string;
    /** What a person types at each secret prompt, in order; absent = stdin is not a terminal. */
    typed?: string[];
  },
): Promise<CliResult> {
  const typed = options.typed ? [...options.typed] : null;
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    interactive: false,
    now: () => options.nowMs,
    env: options.env ?? {},
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    ...(typed
      ? {
          promptSecret: (prompt: string) => {
            err += prompt;
            return Promise.resolve(typed.shift() ?? '');
          },
        }
      : {}),
  };
  const code = await main(['node', 'vigia', ...args], io);
  return { code, out, err };
}

/** A fresh temporary directory with a `write(name, text)` helper and a `remove()` for afterAll. */
export async function tempDir(prefix = 'vigia-cli-') {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return {
    dir,
    path: (name: string) => join(dir, name),
    write: async (name: string, text: string) => {
      const p = join(dir, name);
      await writeFile(p, text, 'utf8');
      return p;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A GeoJSON Polygon Feature for the axis-aligned box [west, south, east, north] (WGS84 degrees). */
export function boxFeature(
  bbox: readonly [number, number, number, number],
  properties: Record<string, string | number>,
) {
  const [w, s, e, n] = bbox;
  return {
    type: 'Feature' as const,
    properties,
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  };
}
