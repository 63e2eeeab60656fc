// Child process of the crash-safety and multi-instance tests (run with plain node, on the built dist/):
//   node import-child.js DB FILE PROFILE
// Imports FILE into the existing store DB and prints "staging" once rows flow, "merging" when the
// store merge starts, then the summary as JSON, so the parent can kill it at a chosen point.
import { importIncidents, openStore } from '@vigia/services';

const [db, file, profile] = process.argv.slice(2);
const store = await openStore(db, { create: false });
let staging = false;
const summary = await importIncidents(store, {
  file,
  profile,
  nowMs: Date.UTC(2026, 0, 1),
  onProgress: () => {
    if (!staging) process.stdout.write('staging\n');
    staging = true;
  },
  onMerge: () => process.stdout.write('merging\n'),
});
process.stdout.write(`${JSON.stringify({ read: summary.read, stored: summary.stored })}\n`);
await store.close();
