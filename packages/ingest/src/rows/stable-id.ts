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
  // Open addressing over the four fingerprint words (random bits: the low word is the slot), in typed
  // arrays: a Map keyed by hash texts cost ~1 µs a row and ~100 bytes per distinct row at millions.
  private keys = new Uint32Array(4 * 1024);
  private counts = new Uint32Array(1024);
  private size = 0;

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
    const keys = this.keys;
    const counts = this.counts;
    const mask = counts.length - 1;
    for (let slot = w[3]! & mask; ; slot = (slot + 1) & mask) {
      const c = counts[slot]!;
      if (c === 0) {
        keys.set(w, 4 * slot);
        counts[slot] = 1;
        if (++this.size * 2 > counts.length) this.grow();
        return (this.ordinal = 1);
      }
      const k = 4 * slot;
      if (keys[k] === w[0] && keys[k + 1] === w[1] && keys[k + 2] === w[2] && keys[k + 3] === w[3]) {
        counts[slot] = c + 1;
        return (this.ordinal = c + 1);
      }
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.counts = new Uint32Array(oldCounts.length * 2);
    const mask = this.counts.length - 1;
    for (let s = 0; s < oldCounts.length; s++) {
      if (oldCounts[s] === 0) continue;
      let slot = oldKeys[4 * s + 3]! & mask;
      while (this.counts[slot] !== 0) slot = (slot + 1) & mask;
      this.keys.set(oldKeys.subarray(4 * s, 4 * s + 4), 4 * slot);
      this.counts[slot] = oldCounts[s]!;
    }
  }
}

/** The derived source id for a row hash and ordinal (see {@link RowFingerprints}). */
export function derivedSourceId(hash: string, ordinal: number): string {
  return derivedIdText(hash, ordinal);
}
