import { VigiaError } from '@vigia/domain';

/**
 * A neighbour list in compressed sparse row form: the neighbours of location i are
 * `indices[offsets[i]] … indices[offsets[i + 1] − 1]` (0-based positions, ascending, never i itself).
 * `offsets` has n + 1 entries. Weights are implied by the routine that uses the list (binary for Gi*,
 * row-standardised for Moran's I).
 */
export interface Neighbours {
  offsets: Int32Array;
  indices: Int32Array;
}

/** Number of locations of a neighbour list. */
export function neighbourCount(nb: Neighbours): number {
  return nb.offsets.length - 1;
}

/** Builds a {@link Neighbours} list from one array of neighbour positions per location (sorted, deduplicated, self dropped). */
export function neighboursFromLists(lists: readonly (readonly number[])[]): Neighbours {
  const offsets = new Int32Array(lists.length + 1);
  const all: number[] = [];
  lists.forEach((list, i) => {
    const sorted = [...new Set(list)].filter((j) => j !== i).sort((a, b) => a - b);
    for (const j of sorted) {
      if (!Number.isInteger(j) || j < 0 || j >= lists.length) {
        throw new VigiaError('INVALID_ARGUMENT', { name: `neighbours[${i}]`, value: String(j) });
      }
      all.push(j);
    }
    offsets[i + 1] = all.length;
  });
  return { offsets, indices: Int32Array.from(all) };
}

/** Total number of directed links (Σ_i |N(i)|). */
export function linkCount(nb: Neighbours): number {
  return nb.offsets[nb.offsets.length - 1] ?? 0;
}

export function checkSameLength(fn: string, name: string, expected: number, actual: number): void {
  if (expected !== actual) {
    throw new VigiaError('INVALID_ARGUMENT', {
      name: `${fn}: ${name}.length`,
      value: `${actual} ≠ ${expected}`,
    });
  }
}
