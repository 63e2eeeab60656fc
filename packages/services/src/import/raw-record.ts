/** A row's raw fields by header name (extra fields as `column_N`), as kept with a quarantined row. */
export function rawRecord(header: readonly string[], fields: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  const n = Math.max(header.length, fields.length);
  for (let i = 0; i < n; i++) raw[header[i] ?? `column_${i + 1}`] = fields[i] ?? '';
  return raw;
}
