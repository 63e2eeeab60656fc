import {
  VigiaError,
  checkAuditLink,
  translate,
  type AuditBreak,
  type ChainedAuditRecord,
  type Locale,
} from '@vigia/domain';
import type { Store } from '@vigia/store';

/** A head written down earlier (in the weekly book, a ticket, a notebook): `seq` and its `hash`. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

/**
 * What became of an anchor: `match` (the row at that seq still has that hash); `mismatch` (it has
 * another: the row, or the chain up to it, was rewritten); `missing` (the log ends before that seq: its
 * last rows were deleted); `replaced` (a later `store.restore` row says the log holding the anchor was
 * replaced by a backup: legitimate only if that restore was intended — write the new head down).
 */
export type AnchorStatus = 'match' | 'mismatch' | 'missing' | 'replaced';

/** Outcome of {@link verifyAudit}. */
export interface AuditVerification {
  /** True when the chain verifies and the anchor, if given, matches. */
  ok: boolean;
  /** Rows read (every row, in seq order). */
  rows: number;
  /** The last row: the value to write down as the next anchor (`seq:hash`). Null for an empty log. */
  head: { seq: number; hash: string; at: string } | null;
  /** The first broken link, or null. */
  break: AuditBreak | null;
  /** The anchor checked, when one was given. */
  anchor: (AuditAnchor & { status: AnchorStatus; restoredAtSeq?: number }) | null;
}

/**
 * Parses an anchor as written by `vigia audit verify`: `SEQ:HASH` (HASH = 64 hex digits).
 * @throws VigiaError INVALID_ARGUMENT naming `name` when the text is not of that form.
 */
export function parseAuditAnchor(text: string, name = '--expect-head'): AuditAnchor {
  const m = /^\s*(\d+):([0-9a-fA-F]{64})\s*$/.exec(text);
  const seq = m ? Number(m[1]) : 0;
  if (!m || !Number.isSafeInteger(seq) || seq < 1)
    throw new VigiaError('INVALID_ARGUMENT', { name, value: text });
  return { seq, hash: m[2]!.toLowerCase() };
}

/**
 * Reads the whole audit log in seq order and checks the hash chain (domain verifyAuditChain's rules:
 * each row follows the previous one with no gap — `missing` —, points at its hash — `relinked` — and
 * hashes to its own hash — `edited`), stopping at the first break. With `anchor`, also checks that the
 * row at `anchor.seq` still has `anchor.hash`: the chain alone cannot tell that its LAST rows were
 * deleted (the shorter chain is still valid), nor that someone able to write the database rebuilt the
 * chain; a head written down outside the database can (docs/audit.md).
 *
 * O(rows) time, O(1) memory: rows are streamed in pages by the store.
 */
export async function verifyAudit(store: Store, anchor?: AuditAnchor): Promise<AuditVerification> {
  let previous: ChainedAuditRecord | null = null;
  let rows = 0;
  let broken: AuditBreak | null = null;
  let atAnchor: ChainedAuditRecord | null = null;
  let restoredAtSeq: number | undefined;
  for await (const row of store.readAuditChain()) {
    rows++;
    broken = checkAuditLink(previous, row);
    if (broken) break;
    if (anchor && row.seq === anchor.seq) atAnchor = row;
    // A restore after the anchor that replaced a log reaching the anchor's seq (see AnchorStatus).
    if (anchor && restoredAtSeq === undefined && row.action === 'store.restore' && row.seq >= anchor.seq) {
      const replaced = (row.before as { head?: { seq?: number } } | null)?.head;
      if (replaced?.seq !== undefined && replaced.seq >= anchor.seq) restoredAtSeq = row.seq;
    }
    previous = row;
  }
  let anchorResult: AuditVerification['anchor'] = null;
  if (anchor) {
    let status: AnchorStatus;
    if (atAnchor !== null && atAnchor.hash === anchor.hash) status = 'match';
    else if (restoredAtSeq !== undefined) status = 'replaced';
    else status = atAnchor === null ? 'missing' : 'mismatch';
    anchorResult = { ...anchor, status, ...(restoredAtSeq !== undefined ? { restoredAtSeq } : {}) };
  }
  return {
    ok: broken === null && (anchorResult === null || anchorResult.status === 'match'),
    rows,
    head: broken === null && previous ? { seq: previous.seq, hash: previous.hash, at: previous.at } : null,
    break: broken,
    anchor: anchorResult,
  };
}

/**
 * A verification in words (messages `audit.*`, Spanish or English): `findings` say what holds (the head
 * to write down, a matching anchor), `problems` what does not (the first broken link with its reason,
 * an anchor that no longer matches). The CLI prints problems on stderr; the API returns both.
 */
export function describeAuditVerification(
  v: AuditVerification,
  locale: Locale,
): { findings: string[]; problems: string[] } {
  const findings: string[] = [];
  const problems: string[] = [];
  if (v.break) {
    const reason = translate(locale, `audit.reason.${v.break.reason}`);
    problems.push(translate(locale, 'audit.broken', { seq: v.break.seq, reason }));
  } else if (v.head) {
    findings.push(translate(locale, 'audit.verified', { rows: v.rows, seq: v.head.seq, hash: v.head.hash }));
  } else findings.push(translate(locale, 'audit.empty'));
  if (v.anchor) {
    const line = translate(locale, `audit.anchor.${v.anchor.status}`, {
      seq: v.anchor.seq,
      last: v.head?.seq ?? 0,
      restoredAt: v.anchor.restoredAtSeq ?? 0,
    });
    (v.anchor.status === 'match' ? findings : problems).push(line);
  }
  return { findings, problems };
}
