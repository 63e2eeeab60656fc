/* eslint-disable no-loss-of-precision -- Cody's published 20-digit coefficients, kept as printed; they round to the nearest double exactly as in C. */
// Coefficients of W. J. Cody's rational Chebyshev approximations (Cody 1969; SPECFUN ANORM, Cody 1993).
const A = [
  2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
  0.065682337918207449113,
];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
  2.9112874951168792e-5, 0.02307344176494017303,
];
const Q = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
  7.29751555083966205e-5,
];
const INV_SQRT_2PI = 0.398942280401432677939946059934;
const SQRT_32 = 5.656854249492380195206754896838;

/**
 * Both tails of the standard normal distribution: `lower` = Φ(x) = P(Z ≤ x) and `upper` = 1 − Φ(x) =
 * P(Z > x), each to full double relative precision (the small one is never computed as 1 − the other).
 *
 * Cody's three rational approximations (|x| ≤ 0.67449, ≤ √32, beyond), with exp(−x²/2) split at a
 * multiple of 1/16 to avoid cancellation, the algorithm of R's `pnorm` (nmath/pnorm.c).
 *
 * @param x - a z-score (unitless); NaN gives NaN for both.
 * @returns `{ lower, upper }`, each in [0, 1]. O(1).
 * @see Cody, W. J. (1969) "Rational Chebyshev approximations for the error function", Math. Comp. 23,
 *   631–637; Cody (1993) ACM TOMS Algorithm 715 (SPECFUN). Same algorithm as R 4.2.2 `pnorm`.
 */
export function normalTails(x: number): { lower: number; upper: number } {
  if (Number.isNaN(x)) return { lower: NaN, upper: NaN };
  const y = Math.abs(x);
  let cum: number;
  let ccum: number;
  if (y <= 0.67448975) {
    const xsq = y > 1.1102230246251565e-16 ? x * x : 0;
    let xnum = A[4]! * xsq;
    let xden = xsq;
    for (let i = 0; i < 3; i++) {
      xnum = (xnum + A[i]!) * xsq;
      xden = (xden + B[i]!) * xsq;
    }
    const temp = (x * (xnum + A[3]!)) / (xden + B[3]!);
    return { lower: 0.5 + temp, upper: 0.5 - temp };
  }
  if (y <= SQRT_32) {
    let xnum = C[8]! * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + C[i]!) * y;
      xden = (xden + D[i]!) * y;
    }
    cum = expHalfSquare(y) * ((xnum + C[7]!) / (xden + D[7]!));
    ccum = 1 - cum;
  } else if (y < 38.5) {
    const xsq = 1 / (x * x);
    let xnum = P[5]! * xsq;
    let xden = xsq;
    for (let i = 0; i < 4; i++) {
      xnum = (xnum + P[i]!) * xsq;
      xden = (xden + Q[i]!) * xsq;
    }
    let temp = (xsq * (xnum + P[4]!)) / (xden + Q[4]!);
    temp = (INV_SQRT_2PI - temp) / y;
    cum = expHalfSquare(y) * temp;
    ccum = 1 - cum;
  } else {
    cum = 0;
    ccum = 1;
  }
  // cum is the tail beyond |x|: the lower tail when x < 0, the upper one when x > 0.
  return x > 0 ? { lower: ccum, upper: cum } : { lower: cum, upper: ccum };
}

/** exp(−y²/2) computed as exp(−s²/2)·exp(−(y−s)(y+s)/2) with s = y rounded down to 1/16 (Cody). */
function expHalfSquare(y: number): number {
  const s = Math.trunc(y * 16) / 16;
  const del = (y - s) * (y + s);
  return Math.exp(-s * s * 0.5) * Math.exp(-del * 0.5);
}

/**
 * Two-sided normal p-value 2·P(Z > |z|), in [0, 1]; NaN for NaN.
 * @see {@link normalTails}.
 */
export function twoSidedNormalP(z: number): number {
  return 2 * normalTails(-Math.abs(z)).lower;
}
