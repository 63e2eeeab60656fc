/**
 * Why an input row was quarantined instead of stored. Messages (es/en) are under `quarantine.<CODE>`.
 * A quarantined row is kept with its file, row number, column and raw values until fixed or dismissed.
 */
export const QUARANTINE_REASONS = [
  'MISSING_REQUIRED_FIELD',
  'BAD_DATE',
  'IMPOSSIBLE_DATE',
  'BAD_TIME',
  'FUTURE_DATE',
  'BAD_COORDINATES',
  'COLUMN_COUNT_MISMATCH',
  'BAD_STATUS',
  'ID_TOO_LONG',
] as const;

/** A quarantine reason code. */
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** A problem found in one input row. `row` is 1-based and counts data rows after the header. */
export interface RowIssue {
  reason: QuarantineReason;
  /** Source column name, or "" when the issue is about the whole row. */
  column: string;
  /** The offending raw value (truncated to 200 characters). */
  value: string;
}
