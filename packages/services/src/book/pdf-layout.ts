/** Body font of the book: a PDF standard font (WinAnsiEncoding: all of Spanish and English). */
export const FONT = 'Helvetica';
/** Headings and totals. */
export const BOLD = 'Helvetica-Bold';
/** The audit hash on the cover (fixed width, so each character is legible). */
export const MONO = 'Courier';

/** Colours (hex): text, muted text, rules; significant increase and decrease as on the dashboard. */
export const COLOR = {
  text: '#1f2933',
  muted: '#616e7c',
  rule: '#9aa5b1',
  shade: '#eef1f5',
  up: '#b2182b',
  down: '#1a6b3a',
  /** The trend's current line. */
  line: '#1f4e9c',
} as const;

/** US Letter portrait in PDF points (1/72 inch), with 36 pt (half an inch) margins. */
export const PAGE = { width: 612, height: 792, margin: 36 } as const;

/** The drawing surface of the book: the pdfkit document, read as a narrow interface for testing. */
export type Doc = PDFKit.PDFDocument;

/**
 * A vertical cursor over the book's pages: where the next block goes, and a new page when a block
 * does not fit. Coordinates are PDF points from the page's top-left corner (pdfkit's convention).
 */
export class BookLayout {
  /** Top of the next block. */
  y: number = PAGE.margin;
  readonly left = PAGE.margin;
  readonly width = PAGE.width - 2 * PAGE.margin;
  /** Lowest y a block may reach (room is left below for the footer). */
  readonly bottom = PAGE.height - PAGE.margin - 14;

  constructor(readonly doc: Doc) {}

  /** Index (0-based) of the page being drawn. */
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** Starts a new page; the cursor goes to its top. */
  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.margin;
  }

  /** Starts a new page unless `height` points still fit on this one; true when it started one. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  /** A bold heading of `size` points on one line. */
  heading(text: string, size: number): void {
    this.ensure(size * 1.6);
    this.doc.font(BOLD).fontSize(size).fillColor(COLOR.text);
    this.doc.text(fit(this.doc, text, this.width), this.left, this.y, { lineBreak: false });
    this.y += size * 1.5;
  }

  /** Wrapped text across the full width. */
  paragraph(text: string, size: number, options: { font?: string; color?: string; gap?: number } = {}): void {
    const doc = this.doc.font(options.font ?? FONT).fontSize(size);
    const height = doc.heightOfString(text, { width: this.width });
    this.ensure(height);
    doc.fillColor(options.color ?? COLOR.text).text(text, this.left, this.y, { width: this.width });
    this.y += height + (options.gap ?? size * 0.5);
  }
}

/**
 * `text` shortened with "…" until it fits `width` points in the document's current font and size.
 */
export function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let n = text.length;
  while (n > 0 && doc.widthOfString(`${text.slice(0, n)}…`) > width) n--;
  return `${text.slice(0, n)}…`;
}

/** One column of a {@link TableSpec}: width in points and alignment. */
export interface TableColumn {
  width: number;
  align: 'left' | 'right' | 'center';
}

/** One cell: its text, bold or not, and a colour (default the text colour). */
export interface TableCell {
  text: string;
  bold?: boolean;
  color?: string;
}

/** A table: columns, header rows (cells spanning columns), body rows. */
export interface TableSpec {
  columns: TableColumn[];
  header: { text: string; span: number; align?: TableColumn['align'] }[][];
  rows: { cells: TableCell[]; ruleAbove?: boolean; shade?: boolean }[];
  /** Font size of the body in points (header: the same, bold). */
  fontSize: number;
  /** Heading drawn at the top of each page the table continues on, e.g. "district 1 (continued)". */
  continued?: string;
}

/**
 * Draws `spec` at the layout's cursor, one text object per cell (so a text extractor reads each figure
 * as one item), starting a new page, with the header repeated, when a row does not fit. A cell too wide
 * for its column is set in a smaller font (down to 6 pt), then shortened with "…".
 * @param onRow - called for each body row with its page index and top y (to add page numbers later).
 */
export function drawTable(
  layout: BookLayout,
  spec: TableSpec,
  onRow?: (row: number, pageIndex: number, y: number) => void,
): void {
  const { doc } = layout;
  const lineHeight = spec.fontSize * 1.45;
  const pad = 2;
  const drawHeader = () => {
    for (const headerRow of spec.header) {
      let col = 0;
      let x = layout.left;
      for (const cell of headerRow) {
        const width = spec.columns.slice(col, col + cell.span).reduce((s, c) => s + c.width, 0);
        const align = cell.align ?? (cell.span > 1 ? 'center' : spec.columns[col]!.align);
        drawCell(doc, cell.text, x, layout.y, width, pad, align, spec.fontSize, BOLD, COLOR.text);
        x += width;
        col += cell.span;
      }
      layout.y += lineHeight;
    }
    rule(doc, layout.left, layout.y - 2, layout.width, COLOR.text);
  };
  layout.ensure(lineHeight * (spec.header.length + 2));
  drawHeader();
  spec.rows.forEach((row, i) => {
    if (layout.y + lineHeight > layout.bottom) {
      layout.newPage();
      if (spec.continued !== undefined) layout.heading(spec.continued, 12);
      drawHeader();
    }
    if (row.shade) {
      doc.rect(layout.left, layout.y - 2, layout.width, lineHeight).fill(COLOR.shade);
    }
    if (row.ruleAbove) rule(doc, layout.left, layout.y - 2, layout.width, COLOR.rule);
    onRow?.(i, layout.pageIndex, layout.y);
    let x = layout.left;
    row.cells.forEach((cell, c) => {
      const column = spec.columns[c]!;
      const font = cell.bold ? BOLD : FONT;
      drawCell(doc, cell.text, x, layout.y, column.width, pad, column.align, spec.fontSize, font, cell.color);
      x += column.width;
    });
    layout.y += lineHeight;
  });
  layout.y += lineHeight * 0.5;
}

function drawCell(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  pad: number,
  align: TableColumn['align'],
  size: number,
  font: string,
  color: string = COLOR.text,
): void {
  if (text === '') return;
  const room = width - 2 * pad;
  let s = size;
  doc.font(font).fontSize(s);
  while (s > 6 && doc.widthOfString(text) > room) doc.fontSize((s -= 0.5));
  const shown = fit(doc, text, room);
  // pdfkit aligns only wrapped text: place the single line by hand.
  const w = doc.widthOfString(shown);
  const left = align === 'right' ? x + width - pad - w : align === 'center' ? x + (width - w) / 2 : x + pad;
  doc.fillColor(color).text(shown, left, y + (size - s) / 2, { lineBreak: false });
}

function rule(doc: Doc, x: number, y: number, width: number, color: string): void {
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor(color)
    .moveTo(x, y)
    .lineTo(x + width, y)
    .stroke()
    .restore();
}
