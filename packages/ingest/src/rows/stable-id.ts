import { fingerprint } from '@vigia/domain';

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
 * only sources with their own record ids can be versioned. Memory: one map entry per distinct row.
 */
export class RowFingerprints {
  // Keyed by 30 bits of the fingerprint (a V8 small integer: fast map), then by its full text.
  private readonly seen = new Map<number, string | Map<string, number>>();

  /**
   * Registers a row and returns its fingerprint, its ordinal among identical rows so far, and whether
   * an identical row came before it in this file.
   */
  add(fields: readonly string[]): { hash: string; ordinal: number; duplicate: boolean } {
    const { key, text } = rowHash(fields);
    const small = key & 0x3fffffff;
    const entry = this.seen.get(small);
    let ordinal = 1;
    if (entry === undefined) {
      this.seen.set(small, text);
    } else if (typeof entry === 'string') {
      ordinal = entry === text ? 2 : 1;
      this.seen.set(
        small,
        new Map([
          [entry, 1],
          [text, ordinal],
        ]),
      );
    } else {
      ordinal = (entry.get(text) ?? 0) + 1;
      entry.set(text, ordinal);
    }
    return { hash: text, ordinal, duplicate: ordinal > 1 };
  }
}

/** The derived source id for a row hash and ordinal (see {@link RowFingerprints}). */
export function derivedSourceId(hash: string, ordinal: number): string {
  return `h:${hash}#${ordinal}`;
}
