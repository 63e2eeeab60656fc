// CPU time of this process's threads, by role (Linux only; elsewhere every function returns nothing).
// Used by bench/import-one.js to show where an import's CPU goes: the main thread, the import's worker
// thread, DuckDB (its scheduler threads, and the libuv pool threads its queries run on), V8's helper
// threads (garbage collection, compilation). Threads are told apart by when they appear: V8's before
// anything runs, libuv's at the first asynchronous file operation (for an ES module, while it loads:
// the last UV_THREADPOOL_SIZE threads then), DuckDB's when a database opens, the import worker during
// the import. Each role is written into the thread's name (/proc/.../comm), so
// `top -H` and `perf report --sort comm` show it too.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const TASKS = '/proc/self/task';

/** Thread ids of this process now (empty off Linux). */
export function threadIds() {
  try {
    return readdirSync(TASKS);
  } catch {
    return [];
  }
}

/** Names the threads not in `known` (a Set of ids, updated) `name` (at most 15 characters). */
export function nameNewThreads(known, name) {
  for (const tid of threadIds()) {
    if (known.has(tid)) continue;
    known.add(tid);
    try {
      writeFileSync(`${TASKS}/${tid}/comm`, name);
    } catch {
      // a thread that has just ended
    }
  }
}

/**
 * Names the threads a process has when its main module starts (ids in `known`, updated): V8's helper
 * threads ("v8"), created first, and libuv's pool ("libuv"), created by the module loader's first
 * asynchronous read: the UV_THREADPOOL_SIZE (default 4) most recent ones. Thread ids grow with creation.
 */
export function nameStartupThreads(known) {
  const ids = threadIds()
    .filter((t) => !known.has(t))
    .sort((a, b) => Number(a) - Number(b));
  const pool = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  const libuv = new Set(ids.length > pool ? ids.slice(-pool) : []);
  for (const tid of ids) {
    known.add(tid);
    try {
      writeFileSync(`${TASKS}/${tid}/comm`, libuv.has(tid) ? 'libuv' : 'v8');
    } catch {
      // a thread that has just ended
    }
  }
}

/** CPU nanoseconds and name of every thread of the process now. */
function snapshot() {
  const out = {};
  for (const tid of threadIds()) {
    try {
      const ns = Number(readFileSync(`${TASKS}/${tid}/schedstat`, 'utf8').split(' ')[0]);
      out[tid] = { ns, name: readFileSync(`${TASKS}/${tid}/comm`, 'utf8').trim() };
    } catch {
      // ended meanwhile
    }
  }
  return out;
}

/**
 * Samples every thread's CPU time every `intervalMs` from a thread of its own (named "sampler"), so a
 * thread that ends before the import does (the import's worker) is still counted up to its last
 * sample. `stop()` resolves to the samples: [{ t: ms since start, threads: {tid: {ns, name}} }].
 */
export function startSampler(intervalMs = 100) {
  const known = new Set(threadIds());
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { readFileSync, readdirSync } = require('node:fs');
    const T = '/proc/self/task';
    const samples = [];
    const t0 = performance.now();
    const take = () => {
      const threads = {};
      for (const tid of readdirSync(T)) {
        try {
          const ns = Number(readFileSync(T + '/' + tid + '/schedstat', 'utf8').split(' ')[0]);
          threads[tid] = { ns, name: readFileSync(T + '/' + tid + '/comm', 'utf8').trim() };
        } catch {}
      }
      samples.push({ t: performance.now() - t0, threads });
    };
    take();
    const timer = setInterval(take, workerData);
    parentPort.on('message', () => { clearInterval(timer); take(); parentPort.postMessage(samples); });
  `;
  const worker = new Worker(code, { eval: true, workerData: intervalMs });
  const ready = new Promise((resolve) => worker.once('online', resolve)).then(() =>
    nameNewThreads(known, 'sampler'),
  );
  return {
    ready,
    stop: async () => {
      await ready;
      const samples = new Promise((resolve) => worker.once('message', resolve));
      worker.postMessage('stop');
      const s = await samples;
      await worker.terminate();
      return s;
    },
  };
}

/** Role of a thread from its name: main, worker (the import's), duckdb, libuv, v8, sampler, other. */
const role = (tid, name) =>
  tid === String(process.pid)
    ? 'main'
    : ['import-worker', 'duckdb', 'libuv', 'v8', 'sampler'].includes(name)
      ? name
      : 'other';

/**
 * CPU seconds per role between the first and last sample, and a timeline: CPU seconds per role in
 * each `bucketMs` of wall time. A thread's CPU is its last sampled value minus its first (0 when it
 * did not exist yet).
 */
export function summarize(samples, bucketMs = 1000) {
  const totals = {};
  const timeline = [];
  const first = samples[0]?.threads ?? {};
  const last = {};
  for (const s of samples) for (const [tid, v] of Object.entries(s.threads)) last[tid] = v;
  for (const [tid, v] of Object.entries(last)) {
    const r = role(tid, v.name);
    totals[r] = (totals[r] ?? 0) + (v.ns - (first[tid]?.ns ?? 0)) / 1e9;
  }
  const seen = {};
  for (const s of samples) {
    const b = Math.floor(s.t / bucketMs);
    timeline[b] ??= {};
    for (const [tid, v] of Object.entries(s.threads)) {
      const r = role(tid, v.name);
      const prev = seen[tid] ?? first[tid]?.ns ?? 0;
      timeline[b][r] = (timeline[b][r] ?? 0) + (v.ns - prev) / 1e9;
      seen[tid] = v.ns;
    }
  }
  return { totals, timeline: Array.from(timeline, (b) => b ?? {}) };
}

export { snapshot };
