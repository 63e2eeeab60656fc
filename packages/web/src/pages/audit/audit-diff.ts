/** One field of an audit row that changed: its value before and after, as short text (null = absent). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as short text: strings as they are, numbers and booleans as written, the rest as JSON, cut at `max`. */
export function shortValue(v: unknown, max = 80): string {
  const s = typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * The compact diff of an audit row: for objects, each field whose value differs (fields only in
 * `after` — a creation, an import's counts — have `before` null; fields only in `before` have `after`
 * null), in the order before's fields then after's new ones; other values as one change with field ''.
 * Values equal as JSON are not changes.
 */
export function auditDiff(before: unknown, after: unknown): FieldChange[] {
  if (!isObject(before) && !isObject(after)) {
    if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return [];
    return [
      {
        field: '',
        before: before === null || before === undefined ? null : shortValue(before),
        after: after === null || after === undefined ? null : shortValue(after),
      },
    ];
  }
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const inB = field in b;
    const inA = field in a;
    if (inB && inA && JSON.stringify(b[field]) === JSON.stringify(a[field])) continue;
    changes.push({
      field,
      before: inB ? shortValue(b[field]) : null,
      after: inA ? shortValue(a[field]) : null,
    });
  }
  return changes;
}
