/**
 * Normalizes a source label for matching against a mapping: trims, collapses inner whitespace,
 * removes accents (NFD, combining marks dropped) and upper-cases. "Robo  a mano armada" and
 * "ROBO A MANO ARMADA" and "Robó a mano armada" all become "ROBO A MANO ARMADA".
 */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}
