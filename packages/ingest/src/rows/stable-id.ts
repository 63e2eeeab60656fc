import { derivedIdText, fingerprint, fingerprintText, fingerprintWords } from '@vigia/domain';

/** Fingerprint of a row's raw fields (see domain `fingerprint`). */
export const rowHash = fingerprint;

/**
 * Derives stable record ids for sources without one, and spots exact duplicate rows.
 *
 * The id is `h:<hash>#<n>`: the row's fingerprint ({@link rowHash}) plus `n`, the row's ordinal among
 * identical rows of the same file (1 for the first). So two identical-looking incidents in one export
 * stay two incidents (#1 and #2), and importing the same export again yields the same ids, which makes
 * the re-import a no-op.
 *
 * Caveat: a corrected row in a source without ids hashes differently, so it arrives as a new incident;
 * only sources with their own record ids can be versioned. Memory: 16 bytes a slot in a table kept at
 * most half full (32–64 bytes per distinct row).
 */
export class RowFingerprints {
  /** Fingerprint words of the row last added ({@link fingerprintWords}). */
  readonly words = new Uint32Array(4);
  /** Ordinal of the row last added among identical rows (1 for the first). */
  ordinal = 0;
  // Open addressing over the four fingerprint words (random bits: the low word picks the slot), in one
  // typed array of 16-byte slots, so a probe touches one cache line: a Map keyed by hash texts cost
  // ~1 µs a row and ~100 bytes per distinct row at millions. The first and third words hold 21 bits
  // (53-bit hashes): a slot is [w0 | count << 21, w1, w2, w3], count 0 = free; counts past 2047 go on
  // in `beyond` (a file repeating one row thousands of times).
  private table: Uint32Array;
  private size = 0;
  private readonly beyond = new Map<string, number>();
  /** Words of the rows queued by {@link queue}, four per row. */
  private pending = new Uint32Array(0);
  private queued = 0;
  private order = new Int32Array(0);
  private regionStarts = new Int32Array(0);

  /** @param expectedRows rows the file probably has: sizes the table once instead of growing it. */
  constructor(expectedRows = 0) {
    let slots = 1024;
    while (slots < 2 * expectedRows && slots < 1 << 24) slots *= 2;
    this.table = new Uint32Array(4 * slots);
  }

  /**
   * Registers a row and returns its fingerprint, its ordinal among identical rows so far, and whether
   * an identical row came before it in this file.
   */
  add(fields: readonly string[]): { hash: string; ordinal: number; duplicate: boolean } {
    const ordinal = this.addRow(fields);
    return { hash: fingerprintText(this.words, 0), ordinal, duplicate: ordinal > 1 };
  }

  /** {@link add} without building the hash text: sets `words` and `ordinal`, returns the ordinal. */
  addRow(fields: readonly string[]): number {
    const w = this.words;
    fingerprintWords(fields, w, 0);
    if ((this.size + 1) * 2 > this.table.length / 4) this.grow();
    return (this.ordinal = this.count(w[0]!, w[1]!, w[2]!, w[3]!));
  }

  /**
   * Hashes a row into `words` and queues its words for {@link resolveQueued}, without counting it yet:
   * the ordinals of a run of rows are then counted together, in table order. Returns the row's place
   * in the queue (0 for the first row since the last resolve).
   */
  queue(fields: readonly string[]): number {
    const w = this.words;
    fingerprintWords(fields, w, 0);
    const n = this.queued;
    if (4 * n + 4 > this.pending.length) {
      const grown = new Uint32Array(Math.max(4096, 2 * this.pending.length));
      grown.set(this.pending);
      this.pending = grown;
    }
    const p = this.pending;
    p[4 * n] = w[0]!;
    p[4 * n + 1] = w[1]!;
    p[4 * n + 2] = w[2]!;
    p[4 * n + 3] = w[3]!;
    this.queued = n + 1;
    return n;
  }

  /** Rows queued since the last {@link resolveQueued}. */
  get queuedRows(): number {
    return this.queued;
  }

  /**
   * Counts the queued rows, as {@link addRow} would have one by one in queue order, and writes their
   * ordinals to `out[0..n)` (n = {@link queuedRows}); the queue is then empty. `out` must hold n.
   *
   * Why in bulk: at millions of distinct rows the table is tens of MB, and each row's probe lands on
   * a random cache line and page (~0.7 µs a row measured). The queued rows are visited grouped by the
   * region of the table their first slot lies in (a stable counting sort on the slot's top bits), so
   * consecutive probes stay within a few pages. Identical rows share a slot, and the sort keeps them
   * in queue order: each still gets its ordinal among identical rows in file order.
   */
  resolveQueued(out: Int32Array): void {
    const n = this.queued;
    this.queued = 0;
    if (n === 0) return;
    // Room for every row first (at most half full afterwards, as addRow keeps it), so no grow
    // changes the slots while the sorted rows are visited.
    while ((this.size + n) * 2 > this.table.length / 4) this.grow();
    const p = this.pending;
    const mask = this.table.length / 4 - 1;
    const bits = 31 - Math.clz32(mask + 1);
    const shift = bits > REGION_BITS ? bits - REGION_BITS : 0;
    const regions = (mask >>> shift) + 1;
    const starts = this.regionStarts.length > regions ? this.regionStarts : new Int32Array(regions + 1);
    this.regionStarts = starts;
    starts.fill(0, 0, regions + 1);
    for (let j = 0; j < n; j++) starts[((p[4 * j + 3]! & mask) >>> shift) + 1]!++;
    for (let r = 0; r < regions; r++) starts[r + 1]! += starts[r]!;
    if (this.order.length < n) this.order = new Int32Array(Math.max(n, 2 * this.order.length));
    const order = this.order;
    for (let j = 0; j < n; j++) order[starts[(p[4 * j + 3]! & mask) >>> shift]!++] = j;
    for (let o = 0; o < n; o++) {
      const j = order[o]!;
      out[j] = this.count(p[4 * j]!, p[4 * j + 1]!, p[4 * j + 2]!, p[4 * j + 3]!);
    }
  }

  /** Counts one row by its words (the table has room for it) and returns its ordinal. */
  private count(w0: number, w1: number, w2: number, w3: number): number {
    const t = this.table;
    const mask = t.length / 4 - 1;
    for (let slot = w3 & mask; ; slot = (slot + 1) & mask) {
      const k = 4 * slot;
      const head = t[k]!;
      if (head === 0) {
        t[k] = w0 + ONE;
        t[k + 1] = w1;
        t[k + 2] = w2;
        t[k + 3] = w3;
        this.size++;
        return 1;
      }
      if ((head & LOW_BITS) === w0 && t[k + 1] === w1 && t[k + 2] === w2 && t[k + 3] === w3) {
        const c = head >>> COUNT_SHIFT;
        if (c < MAX_COUNT) {
          t[k] = head + ONE;
          return c + 1;
        }
        const key = `${w0}:${w1}:${w2}:${w3}`;
        const more = (this.beyond.get(key) ?? MAX_COUNT) + 1;
        this.beyond.set(key, more);
        return more;
      }
    }
  }

  private grow(): void {
    const old = this.table;
    const t = (this.table = new Uint32Array(old.length * 2));
    const mask = t.length / 4 - 1;
    for (let k = 0; k < old.length; k += 4) {
      if (old[k] === 0) continue;
      let slot = old[k + 3]! & mask;
      while (t[4 * slot] !== 0) slot = (slot + 1) & mask;
      t.set(old.subarray(k, k + 4), 4 * slot);
    }
  }
}

/** Table regions of {@link RowFingerprints.resolveQueued}: 2^12, so a region is ~16 KB at 4 M slots. */
const REGION_BITS = 12;
/** A slot's first word: the fingerprint's 21-bit first word, and the count above it. */
const COUNT_SHIFT = 21;
const LOW_BITS = (1 << COUNT_SHIFT) - 1;
const ONE = 1 << COUNT_SHIFT;
const MAX_COUNT = 2047;

/** The derived source id for a row hash and ordinal (see {@link RowFingerprints}). */
export function derivedSourceId(hash: string, ordinal: number): string {
  return derivedIdText(hash, ordinal);
}
