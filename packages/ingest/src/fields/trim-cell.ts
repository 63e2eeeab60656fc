/**
 * `s.trim()`, without calling it when both ends of `s` are printable ASCII (33–126), which trim would
 * not remove: most cells of an export. The call costs ~20 ns and an import made several a row.
 */
export function trimCell(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(n - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? s : s.trim();
}
