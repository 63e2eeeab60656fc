import { fileURLToPath } from 'node:url';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One painted path of a page: how it was painted and how many segments of each kind it has. */
export interface PdfPath {
  /** The paint operator's name in pdf.js (`stroke`, `fill`, `eoFillStroke`...). */
  paint: string;
  moveTo: number;
  lineTo: number;
  curveTo: number;
}

/** What a test sees on a page: its text as lines of items (top to bottom, left to right), its paths. */
export interface PdfPage {
  lines: string[][];
  paths: PdfPath[];
}

const OP_NAMES = new Map<number, string>(Object.entries(OPS).map(([k, v]) => [v, k]));
// pdf.js path data codes (src/shared/util.js DrawOPS).
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const STANDARD_FONTS = fileURLToPath(
  new URL('../../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url),
);

/**
 * Reads a PDF with pdf.js (Mozilla's reader, legacy build for Node): the text items of every page
 * grouped into lines by their baseline, and the painted paths from the operator list.
 */
export async function readPdf(pdf: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    standardFontDataUrl: STANDARD_FONTS,
    verbosity: 0,
  }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const byY = new Map<number, { x: number; s: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round(item.transform[5] as number);
      const near = [...byY.keys()].find((k) => Math.abs(k - y) <= 2) ?? y;
      byY.set(near, [...(byY.get(near) ?? []), { x: item.transform[4] as number, s: item.str }]);
    }
    const lines = [...byY.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, items]) => items.sort((a, b) => a.x - b.x).map((i) => i.s));
    const ops = await page.getOperatorList();
    const paths: PdfPath[] = [];
    ops.fnArray.forEach((fn, i) => {
      if (fn !== OPS.constructPath) return;
      const [paint, [data]] = ops.argsArray[i] as [number, [ArrayLike<number> | null]];
      const path: PdfPath = { paint: OP_NAMES.get(paint) ?? String(paint), moveTo: 0, lineTo: 0, curveTo: 0 };
      for (let k = 0; data && k < data.length;) {
        const op = data[k]!;
        if (op === MOVE_TO) path.moveTo++;
        else if (op === LINE_TO) path.lineTo++;
        else if (op === CURVE_TO) path.curveTo++;
        k += op === MOVE_TO || op === LINE_TO ? 3 : op === CURVE_TO ? 7 : op === QUADRATIC_CURVE_TO ? 5 : 1;
      }
      paths.push(path);
    });
    pages.push({ lines, paths });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

/** The page's text, one line per row, items joined by a space. */
export function pageText(page: PdfPage): string {
  return page.lines.map((l) => l.join(' ')).join('\n');
}
