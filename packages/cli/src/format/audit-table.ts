import { translate, type ChainedAuditRecord, type Locale } from '@vigia/domain';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One value, short: strings quoted, objects as JSON, null as ∅. */
function show(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * A row's change in one line: for each field whose value differs, `field: before → after`; a field only
 * in `after` as `field=value` (a creation or an import's counts), only in `before` as `field: value → ∅`.
 * Values as JSON; the whole cut at `max` characters (…).
 */
export function auditChange(before: unknown, after: unknown, max = 120): string {
  let text: string;
  if (!isObject(before) && !isObject(after)) {
    text = JSON.stringify(before) === JSON.stringify(after) ? '' : `${show(before)} → ${show(after)}`;
  } else {
    const b = isObject(before) ? before : {};
    const a = isObject(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    text = keys
      .flatMap((k) => {
        if (!(k in b)) return [`${k}=${show(a[k])}`];
        if (!(k in a)) return [`${k}: ${show(b[k])} → ∅`];
        return JSON.stringify(b[k]) === JSON.stringify(a[k]) ? [] : [`${k}: ${show(b[k])} → ${show(a[k])}`];
      })
      .join(', ');
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Audit rows for people, newest first as given: seq, UTC instant to the second, actor, action, target
 * and the compact change; then, when `nextBeforeSeq` is set, how to see the next page.
 */
export function formatAuditTable(
  rows: readonly ChainedAuditRecord[],
  nextBeforeSeq: number | null,
  locale: Locale,
): string {
  if (rows.length === 0) return `${translate(locale, 'audit.listEmpty')}\n`;
  const lines = [translate(locale, 'audit.listHeader')];
  for (const r of rows) {
    const at = `${r.at.slice(0, 19).replace('T', ' ')}Z`;
    lines.push(`${r.seq}  ${at}  ${r.actor}  ${r.action}  ${r.target}  ${auditChange(r.before, r.after)}`);
  }
  if (nextBeforeSeq !== null) lines.push(translate(locale, 'audit.more', { seq: nextBeforeSeq }));
  return `${lines.join('\n')}\n`;
}
