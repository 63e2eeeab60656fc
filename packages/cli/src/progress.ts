import cliProgress from 'cli-progress';
import { translate, type Locale } from '@vigia/domain';
import type { Io } from './context.js';

/**
 * A progress bar on stderr for long imports (only on a terminal; scripts and --json get none).
 * Returns the callback for importIncidents' onProgress and a stop function.
 */
export function importProgress(io: Io, locale: Locale, enabled: boolean) {
  if (!enabled || !io.interactive)
    return { onProgress: undefined, onMerge: undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: `${translate(locale, 'import.progress')} [{bar}] {percentage}% | {mb} MB | ETA {eta}s`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (bytes: number, total: number) => {
      if (!started) {
        bar.start(total, 0, { mb: '0.0' });
        started = true;
      }
      bar.update(bytes, { mb: (bytes / 1_048_576).toFixed(1) });
    },
    onMerge: () => {
      if (started) bar.stop();
      started = false;
      io.err(`${translate(locale, 'import.merging')}\n`);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
