import { VigiaError } from '@vigia/domain';
import { neighboursFromLists, type Neighbours } from './neighbours.js';

/**
 * Reads a GeoDa GAL neighbour file: a header line (`n`, or `0 n name idvar`), then for each location a
 * line `id k` followed by a line of its k neighbour ids.
 *
 * @param text - the file's content.
 * @param ids - the location ids in the order wanted (e.g. POLYID 1..n); positions in the result follow it.
 * @returns the neighbour list in `ids` order.
 * @throws VigiaError INVALID_ARGUMENT when an id is unknown, a count does not match, or the header's n
 *   differs from `ids.length`.
 * @see GeoDa GAL format; spdep::read.gal.
 */
export function parseGal(text: string, ids: readonly (string | number)[]): Neighbours {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split(/\s+/);
  const n = Number(header.length >= 2 ? header[1] : header[0]);
  if (n !== ids.length)
    throw new VigiaError('INVALID_ARGUMENT', { name: 'GAL header n', value: `${n} ≠ ${ids.length}` });
  const position = new Map(ids.map((id, i) => [String(id), i]));
  const lists: number[][] = ids.map(() => []);
  for (let l = 1; l < lines.length; l += 2) {
    const [id, k] = lines[l]!.split(/\s+/);
    const i = position.get(id ?? '');
    const nbIds = k === '0' ? [] : (lines[l + 1] ?? '').split(/\s+/);
    if (k === '0') l--; // spdep writes no neighbour line for an island
    if (i === undefined || nbIds.length !== Number(k)) {
      throw new VigiaError('INVALID_ARGUMENT', { name: `GAL line ${l + 1}`, value: lines[l]! });
    }
    lists[i] = nbIds.map((nid) => {
      const j = position.get(nid);
      if (j === undefined)
        throw new VigiaError('INVALID_ARGUMENT', { name: `GAL neighbour of ${id}`, value: nid });
      return j;
    });
  }
  return neighboursFromLists(lists);
}
