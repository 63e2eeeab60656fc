import { createReadStream } from 'node:fs';

/**
 * True when the whole file is valid UTF-8 (a BOM is allowed). Streams the file through a fatal
 * TextDecoder, so memory stays flat for files of any size.
 */
export async function isUtf8File(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

const CANDIDATES = [',', ';', '\t', '|'] as const;

/**
 * Guesses the delimiter from the header line: the candidate (, ; tab |) that occurs most often outside
 * double quotes. Ties go to the comma. A header with none of them (a single column) gives a comma.
 */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' | '|' {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (CANDIDATES as readonly string[]).includes(ch))
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: ',' | ';' | '\t' | '|' = ',';
  for (const c of CANDIDATES) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
  return best;
}
