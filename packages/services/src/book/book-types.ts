import type { Locale } from '@vigia/domain';

/** Status of an action item as the COMPSTAT meeting keeps it (issue 6). */
export type BookActionItemStatus = 'open' | 'in_progress' | 'done' | 'dropped';

/**
 * One action item as the book prints it: what was promised, by whom, for when, and where it stands.
 * The meetings service owns action items; the book only reads them through
 * {@link BookInput.actionItemsFor}.
 */
export interface BookActionItem {
  title: string;
  /** Who owes it (a name or user name, as the meeting recorded it). */
  owner: string;
  /** Due date, local `YYYY-MM-DD` in the agency's time zone, or null when none was set. */
  due: string | null;
  status: BookActionItemStatus;
}

/** Options of {@link buildBook}. */
export interface BookInput {
  /** ISO week `YYYY-Www` of the meeting. */
  week: string;
  /** Language of every label, and of number and date formats. */
  lang: Locale;
  /** One page per unit of this level (default: the top level, depth 0). */
  level?: string | undefined;
  /**
   * The unit's action items (store id of the unit). Items that are done or dropped are left out; an
   * open or in-progress item due on or before the week's Sunday is marked overdue. Absent: every unit
   * prints "none".
   */
  actionItemsFor?: ((unitId: number) => Promise<BookActionItem[]>) | undefined;
  /**
   * Who asks for the book, for its `export.book` audit row (`user:<id>:<name>`, `cli:<user>@<host>`;
   * default UNKNOWN_ACTOR).
   */
  actor?: string | undefined;
  /** "Now" as UTC epoch ms for the cover and the PDF's creation date (default `Date.now()`). */
  now?: number | undefined;
}

/** A built book: the PDF bytes, its page count and a file name such as `compstat-2019-W50-es.pdf`. */
export interface Book {
  pdf: Buffer;
  pages: number;
  fileName: string;
  /** The audit row printed on the cover (null when the log was empty), e.g. for the export's audit entry. */
  anchor: { seq: number; hash: string } | null;
  /** Page number (1-based) where each unit's section starts, in book order. */
  unitPages: { unitId: number; code: string; page: number }[];
}
