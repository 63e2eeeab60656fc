import { projectLonLat, utmEpsgFor } from '@vigia/analysis';
import type { UnitGeometry } from '@vigia/domain';
import type { BookMapArea } from './book-data.js';
import { COLOR, FONT, type Doc } from './pdf-layout.js';

/** A rectangle on the page in points, from its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a map shows: a unit's polygon, thin outlines inside it, and incident points (WGS84 degrees). */
export interface MapInput {
  outline: UnitGeometry | null;
  inner: BookMapArea[];
  lon: readonly number[];
  lat: readonly number[];
}

/** Outlines with more than this many areas are drawn without their codes (they would not be legible). */
const MAX_LABELS = 60;
/** Vertices closer than this (points on the page) to the last one kept are skipped: smaller files. */
const MIN_STEP = 0.35;

function rings(g: UnitGeometry): number[][][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat(1);
}

/**
 * Draws a map in `box` as vector paths: the unit filled and outlined, the inner outlines with their
 * codes, and one dot per incident, all clipped to the box, with a scale bar. Coordinates are projected
 * to the WGS 84 UTM zone of the map's centre (analysis projectLonLat, proj4js), so distances and shapes
 * are true, north up; the extent is the polygons' (or the points' when there is no polygon) plus 4 %.
 * @returns false (nothing drawn) when there is neither a polygon nor a point.
 */
export function drawMap(doc: Doc, box: Box, input: MapInput, km: (metres: number) => string): boolean {
  const outline = input.outline ? rings(input.outline) : [];
  const inner = input.inner.map((a) => ({ code: a.code, rings: rings(a.geometry) }));
  const all = [...outline, ...inner.flatMap((a) => a.rings)];
  const lons: number[] = [];
  const lats: number[] = [];
  for (const ring of all) {
    for (const p of ring) {
      lons.push(p[0]!);
      lats.push(p[1]!);
    }
  }
  const polygonVertices = lons.length;
  lons.push(...input.lon);
  lats.push(...input.lat);
  if (lons.length === 0) return false;
  const extentFrom = polygonVertices > 0 ? polygonVertices : lons.length;
  const centre = (v: number[]) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < extentFrom; i++) {
      lo = Math.min(lo, v[i]!);
      hi = Math.max(hi, v[i]!);
    }
    return (lo + hi) / 2;
  };
  const { xs, ys } = projectLonLat(lons, lats, utmEpsgFor(centre(lons), centre(lats)));

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < extentFrom; i++) {
    minX = Math.min(minX, xs[i]!);
    maxX = Math.max(maxX, xs[i]!);
    minY = Math.min(minY, ys[i]!);
    maxY = Math.max(maxY, ys[i]!);
  }
  const padding = Math.max(maxX - minX, maxY - minY, 1000) * 0.04;
  if (maxX - minX < 1000) [minX, maxX] = [(minX + maxX) / 2 - 500, (minX + maxX) / 2 + 500];
  if (maxY - minY < 1000) [minY, maxY] = [(minY + maxY) / 2 - 500, (minY + maxY) / 2 + 500];
  minX -= padding;
  maxX += padding;
  minY -= padding;
  maxY += padding;
  const scale = Math.min(box.width / (maxX - minX), box.height / (maxY - minY));
  const ox = box.x + (box.width - (maxX - minX) * scale) / 2;
  const oy = box.y + (box.height - (maxY - minY) * scale) / 2;
  const px = (i: number) => ox + (xs[i]! - minX) * scale;
  const py = (i: number) => oy + (maxY - ys[i]!) * scale;

  // Appends the rings starting at vertex `start` to the current path; returns the next vertex index.
  let next = 0;
  const path = (ringList: number[][][]) => {
    for (const ring of ringList) {
      const start = next;
      next += ring.length;
      if (ring.length < 3) continue;
      doc.moveTo(px(start), py(start));
      let lx = px(start);
      let ly = py(start);
      for (let i = start + 1; i < next; i++) {
        const x = px(i);
        const y = py(i);
        if (Math.hypot(x - lx, y - ly) >= MIN_STEP || i === next - 1) {
          doc.lineTo(x, y);
          lx = x;
          ly = y;
        }
      }
      doc.closePath();
    }
  };

  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).clip();
  if (outline.length > 0) {
    path(outline);
    doc.lineWidth(1.2).fillAndStroke(COLOR.shade, COLOR.text, 'even-odd');
  }
  if (inner.length > 0) {
    for (const a of inner) path(a.rings);
    doc.lineWidth(0.4).strokeColor(COLOR.rule).stroke();
  }
  if (input.lon.length > 0) {
    for (let i = polygonVertices; i < lons.length; i++) doc.circle(px(i), py(i), 1.3);
    doc.fillOpacity(0.75).fillColor(COLOR.up).fill();
    doc.fillOpacity(1);
  }
  if (inner.length > 0 && inner.length <= MAX_LABELS) {
    doc.font(FONT).fontSize(6).fillColor(COLOR.muted);
    let v = outline.reduce((s, r) => s + r.length, 0);
    for (const a of inner) {
      const c = labelPoint(a.rings, v, px, py);
      v += a.rings.reduce((s, r) => s + r.length, 0);
      const w = doc.widthOfString(a.code);
      doc.text(a.code, c[0] - w / 2, c[1] - 3, { lineBreak: false });
    }
  }
  doc.restore();
  doc.save().lineWidth(0.5).strokeColor(COLOR.rule).rect(box.x, box.y, box.width, box.height).stroke();
  scaleBar(doc, box, scale, km);
  doc.restore();
  return true;
}

/** The centroid (page points) of the largest ring of an area whose vertices start at index `first`. */
function labelPoint(
  ringList: number[][][],
  first: number,
  px: (i: number) => number,
  py: (i: number) => number,
): [number, number] {
  let best: [number, number] = [px(first), py(first)];
  let bestArea = -1;
  let start = first;
  for (const ring of ringList) {
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = start; i < start + ring.length - 1; i++) {
      const cross = px(i) * py(i + 1) - px(i + 1) * py(i);
      a += cross;
      cx += (px(i) + px(i + 1)) * cross;
      cy += (py(i) + py(i + 1)) * cross;
    }
    if (Math.abs(a) > bestArea && a !== 0) {
      bestArea = Math.abs(a);
      best = [cx / (3 * a), cy / (3 * a)];
    }
    start += ring.length;
  }
  return best;
}

/** A scale bar of a round length (1, 2 or 5 × 10^k metres) near a quarter of the box's width. */
function scaleBar(doc: Doc, box: Box, pointsPerMetre: number, km: (metres: number) => string): void {
  const target = box.width / 4 / pointsPerMetre;
  const power = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((m) => m * power).find((m) => m <= target) ?? power;
  const length = metres * pointsPerMetre;
  const x = box.x + 6;
  const y = box.y + box.height - 8;
  doc.lineWidth(1).strokeColor(COLOR.text);
  doc
    .moveTo(x, y - 3)
    .lineTo(x, y)
    .lineTo(x + length, y)
    .lineTo(x + length, y - 3)
    .stroke();
  doc.font(FONT).fontSize(6).fillColor(COLOR.text);
  doc.text(km(metres), x + length + 3, y - 5, { lineBreak: false });
}
