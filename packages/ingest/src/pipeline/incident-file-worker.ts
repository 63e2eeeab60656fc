import { parentPort, workerData } from 'node:worker_threads';
import { incidentBatchBuffers } from '@vigia/domain';
import {
  WORKER_CREDITS,
  openInThread,
  serializeError,
  type IncidentFileInput,
  type WorkerMessage,
} from './incident-file.js';

/**
 * Worker thread of {@link openIncidentFile}: reads and maps the file given in `workerData` and posts
 * its chunks, their typed arrays transferred (not copied). At most WORKER_CREDITS chunks are ahead of
 * the consumer, which sends 'ack' for each one it takes.
 */
const port = parentPort!;
let credits = WORKER_CREDITS;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
});
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
try {
  // Unplaced: the consumer's thread places the rows (see openOnWorker).
  const reader = await openInThread(workerData as IncidentFileInput, { place: false });
  post({ type: 'ready', header: reader.header, detected: reader.detected, totalBytes: reader.totalBytes });
  for await (const chunk of reader.chunks) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    post({ type: 'chunk', chunk }, incidentBatchBuffers(chunk.batch));
  }
  post({ type: 'done', summary: reader.summary() });
} catch (e) {
  post({ type: 'error', error: serializeError(e) });
}
port.unref();
