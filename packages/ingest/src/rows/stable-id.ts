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
 * only sources with their own record ids can be versioned. Memory: 20 bytes a slot in a table kept at
 * most half full (40–80 bytes per distinct row).
 */
export class RowFingerprints {
  /** Fingerprint words of the row last added ({@link fingerprintWords}). */
  readonly words = new Uint32Array(4);
  /** Ordinal of the row last added among identical rows (1 for the first). */
  ordinal = 0;
  // Open addressing over the four fingerprint words (random bits: the low word picks the slot), in one
  // typed array of [w0, w1, w2, w3, count] slots (count 0 = free), so a probe touches one cache line:
  // a Map keyed by hash texts cost ~1 µs a row and ~100 bytes per distinct row at millions.
  private table: Uint32Array;
  private size = 0;

  /** @param expectedRows rows the file probably has: sizes the table once instead of growing it. */
  constructor(expectedRows = 0) {
    let slots = 1024;
    while (slots < 2 * expectedRows && slots < 1 << 24) slots *= 2;
    this.table = new Uint32Array(5 * slots);
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
    const t = this.table;
    const mask = t.length / 5 - 1;
    for (let slot = w[3]! & mask; ; slot = (slot + 1) & mask) {
      const k = 5 * slot;
      const c = t[k + 4]!;
      if (c === 0) {
        t[k] = w[0]!;
        t[k + 1] = w[1]!;
        t[k + 2] = w[2]!;
        t[k + 3] = w[3]!;
        t[k + 4] = 1;
        if (++this.size * 2 > mask + 1) this.grow();
        return (this.ordinal = 1);
      }
      if (t[k] === w[0] && t[k + 1] === w[1] && t[k + 2] === w[2] && t[k + 3] === w[3]) {
        t[k + 4] = c + 1;
        return (this.ordinal = c + 1);
      }
    }
  }

  private grow(): void {
    const old = this.table;
    const t = (this.table = new Uint32Array(old.length * 2));
    const mask = t.length / 5 - 1;
    for (let k = 0; k < old.length; k += 5) {
      if (old[k + 4] === 0) continue;
      let slot = old[k + 3]! & mask;
      while (t[5 * slot + 4] !== 0) slot = (slot + 1) & mask;
      t.set(old.subarray(k, k + 5), 5 * slot);
    }
  }
}

/** The derived source id for a row hash and ordinal (see {@link RowFingerprints}). */
export function derivedSourceId(hash: string, ordinal: number): string {
  return derivedIdText(hash, ordinal);
}
