/**
 * Colours and legends of the Analysis page's map layers (pure functions, unit-tested):
 * Gi* classes as ArcGIS draws them, emerging hot spot categories, and the KDE surface as an image.
 */

/** Gi* classes (ArcGIS Gi_Bin) in legend order: hot 99/95/90 %, not significant, cold 90/95/99 %. */
export const GI_CLASSES = [3, 2, 1, 0, -1, -2, -3] as const;

/** ArcGIS Pro's hot spot colours; "not significant" is drawn transparent (the cell outline shows). */
export const GI_COLORS: Record<number, string> = {
  3: '#d62f27',
  2: '#ed7551',
  1: '#fab984',
  0: '#f7f7f7',
  [-1]: '#c0ccbe',
  [-2]: '#849eba',
  [-3]: '#4575b5',
};

/** Emerging categories in legend order (as the API's `categories`), hot then cold, then none. */
export const EMERGING_PATTERNS = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;

const HOT = ['#67000d', '#a50f15', '#cb181d', '#ef3b2c', '#fb6a4a', '#fc9272', '#fcbba1', '#fee0d2'];
const COLD = ['#08306b', '#08519c', '#2171b5', '#4292c6', '#6baed6', '#9ecae1', '#c6dbef', '#deebf7'];

/** Colour of each emerging category (`new_hot` … `historical_cold`; `none` is not drawn). */
export const EMERGING_COLORS: Record<string, string> = Object.fromEntries([
  ...EMERGING_PATTERNS.map((p, i): [string, string] => [`${p}_hot`, HOT[i]!]),
  ...EMERGING_PATTERNS.map((p, i): [string, string] => [`${p}_cold`, COLD[i]!]),
  ['none', '#f7f7f7'],
]);

/** MapLibre fill-colour expression matching a property against a colour table. */
export function matchColor(property: string, colors: Record<string | number, string>): unknown {
  const pairs = Object.entries(colors).flatMap(([k, c]) => [property === 'class' ? Number(k) : k, c]);
  return ['match', ['get', property], ...pairs, '#cccccc'];
}

/** How many features have each value of `property` (e.g. Gi* class → count). */
export function countBy<P extends Record<string, unknown>>(
  features: readonly { properties: P }[],
  property: keyof P,
): Map<unknown, number> {
  const m = new Map<unknown, number>();
  for (const f of features) m.set(f.properties[property], (m.get(f.properties[property]) ?? 0) + 1);
  return m;
}

/** Sequential KDE colours (ColorBrewer YlOrRd), low to high. */
export const KDE_COLORS = ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'];

/**
 * Upper edges of the KDE colour classes: equal intervals of the surface's maximum (incidents per km²),
 * one per colour; every density above 0 falls in a class, 0 is transparent.
 */
export function kdeBreaks(max: number, classes = KDE_COLORS.length): number[] {
  return Array.from({ length: classes }, (_, i) => (max * (i + 1)) / classes);
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * RGBA pixels (row by row from the north, as the raster) of a KDE surface: one pixel per grid cell,
 * coloured by class, alpha 0 where the density is 0.
 */
export function kdePixels(density: readonly number[], breaks: readonly number[]): Uint8ClampedArray {
  const colors = KDE_COLORS.map(rgb);
  const px = new Uint8ClampedArray(density.length * 4);
  density.forEach((d, i) => {
    if (!(d > 0)) return;
    let k = breaks.findIndex((b) => d <= b);
    if (k < 0) k = breaks.length - 1;
    const [r, g, b] = colors[Math.min(k, colors.length - 1)]!;
    px.set([r, g, b, k === 0 ? 150 : 210], i * 4);
  });
  return px;
}
