import type { IncidentRecord, Offense } from '../incident/incident.js';

/**
 * Fingerprint of a list of text fields (a raw input row, or an incident's content): two 53-bit hashes (cyrb53 by bryc, public domain:
 * MurmurHash3-style mixing of UTF-16 code units, fields separated by U+001F), returned as a number
 * (for maps) and as hex text (for ids). Not cryptographic; 106 bits make an accidental collision
 * among millions of rows negligible. Measured several times faster than node:crypto SHA-1 per row.
 */
export function fingerprint(fields: readonly string[]): { key: number; text: string } {
  fingerprintWords(fields, WORDS, 0);
  return { key: 4294967296 * WORDS[0]! + WORDS[1]!, text: fingerprintText(WORDS, 0) };
}

const WORDS = new Uint32Array(4);

/**
 * {@link fingerprint} as four 32-bit words written to `out[at..at+3]`: high and low words of the first
 * 53-bit hash, then of the second (the order of the hex text). Allocates nothing, so an import can keep
 * millions of them in typed arrays.
 */
export function fingerprintWords(fields: readonly string[], out: Uint32Array, at: number): void {
  // `| 0` keeps every state variable a small integer, so V8 never falls back to doubles.
  let a1 = 0xdeadbeef | 0;
  let a2 = 0x41c6ce57 | 0;
  let b1 = (0xdeadbeef ^ 0x9e3779b9) | 0;
  let b2 = (0x41c6ce57 ^ 0x9e3779b9) | 0;
  for (let f = 0; f < fields.length; f++) {
    const text = fields[f]!;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      a1 = Math.imul(a1 ^ ch, 2654435761);
      a2 = Math.imul(a2 ^ ch, 1597334677);
      b1 = Math.imul(b1 ^ ch, 2246822519);
      b2 = Math.imul(b2 ^ ch, 3266489917);
    }
    a1 = Math.imul(a1 ^ 0x1f, 2654435761);
    a2 = Math.imul(a2 ^ 0x1f, 1597334677);
    b1 = Math.imul(b1 ^ 0x1f, 2246822519);
    b2 = Math.imul(b2 ^ 0x1f, 3266489917);
  }
  finishInto(a1, a2, out, at);
  finishInto(b1, b2, out, at + 2);
}

/** The 32 hex digits of the fingerprint words at `words[at..at+3]` (the `text` of {@link fingerprint}). */
export function fingerprintText(words: Uint32Array, at: number): string {
  // Hex through a byte table: Number#toString is ~0.5 µs a call in V8, too slow at millions of rows.
  return hex32(words[at]!) + hex32(words[at + 1]!) + hex32(words[at + 2]!) + hex32(words[at + 3]!);
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return (
    HEX_BYTE[(n >>> 24) & 255]! +
    HEX_BYTE[(n >>> 16) & 255]! +
    HEX_BYTE[(n >>> 8) & 255]! +
    HEX_BYTE[n & 255]!
  );
}

/** Final mixing of one 53-bit hash: writes its high 21 bits, then its low 32 bits. */
function finishInto(h1: number, h2: number, out: Uint32Array, at: number): void {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[at] = (2097151 & h2) >>> 0;
  out[at + 1] = h1 >>> 0;
}

/**
 * Content fingerprint of an incident record: everything that comes from the source (dates, offenses
 * with their labels, coordinates, source unit, status, arrest flag), not what Vigía derives
 * (placement). Two imports of the same record give the same text; any correction changes it, which
 * makes a new version. A record whose source says nothing about arrests (`arrest` null) hashes exactly
 * as before the flag existed, so stores filled then see their re-imports unchanged; a known flag adds
 * one last field (`arrest:1` or `arrest:0`).
 */
export function incidentContentHash(r: IncidentRecord): string {
  incidentContentHashWords(r, WORDS, 0);
  return fingerprintText(WORDS, 0);
}

/**
 * {@link incidentContentHash} as fingerprint words (see {@link fingerprintWords}): the same hash of the
 * same texts, fed field by field without building them (a number's text, `String(n)`, costs ~0.5 µs
 * for a millisecond timestamp; its digits are hashed directly). `lonText` / `latText`, when given,
 * must be `String(r.lon)` / `String(r.lat)` (e.g. the source's own text, when already in that form).
 * `localMs`, when a whole second of years 0–9999, must be the local time `r.occurredLocal` stands
 * for, a `YYYY-MM-DDTHH:mm:ss` text, read as UTC epoch ms: that text is then hashed from the number's
 * digits, and `r.occurredLocal` is not read (an importer may leave it empty rather than build it).
 */
export function incidentContentHashWords(
  r: IncidentRecord,
  out: Uint32Array,
  at: number,
  lonText: string | null = null,
  latText: string | null = null,
  localMs = NaN,
): void {
  const h = HASHER;
  h.reset();
  h.number(r.occurredAt);
  if (localMs >= MIN_LOCAL_MS && localMs < MAX_LOCAL_MS && localMs % 1000 === 0) h.localDateTime(localMs);
  else h.text(r.occurredLocal);
  h.text(r.reportedLocalDate ?? '');
  if (r.lon === null) h.text('');
  else if (lonText !== null) h.text(lonText);
  else h.number(r.lon);
  if (r.lat === null) h.text('');
  else if (latText !== null) h.text(latText);
  else h.number(r.lat);
  h.text(r.sourceUnit ?? '');
  h.text(r.status);
  const offenses = r.offenses;
  for (let k = 0; k < offenses.length; k++) h.offense(offenses[k]!);
  if (r.arrest !== null) h.text(r.arrest ? ARREST_YES : ARREST_NO);
  h.finish(out, at);
}

/** The last field of the content of a record whose source flags an arrest, or flags none. */
const ARREST_YES = 'arrest:1';
const ARREST_NO = 'arrest:0';

/** Epoch ms of 0000-01-01T00:00:00 and 10000-01-01T00:00:00 (UTC): the years a 4-digit text holds. */
const MIN_LOCAL_MS = -62167219200000;
const MAX_LOCAL_MS = 253402300800000;
const DAY_MS = 86_400_000;

/** The code units of an offense's category and label, with the texts they were made from. */
interface OffenseCodes {
  offense: Offense;
  category: string;
  label: string;
  codes: Uint16Array;
}

const EMPTY_CODES = new Uint16Array(0);

/** {@link fingerprintWords} fed one field at a time. */
class FieldHasher {
  private a1 = 0;
  private a2 = 0;
  private b1 = 0;
  private b2 = 0;
  /**
   * Character codes of the last integer field ({@link number}), separator included: sign and digits
   * above the last eight are kept while the next number shares them (timestamps of one file do).
   */
  private readonly num = new Uint16Array(24);
  private numHigh = -1;
  private numNegative = false;
  private numEnd = 0;
  /** Character codes of the last local time field ({@link localDateTime}); its date part is kept per day. */
  private readonly local = new Uint16Array(20);
  private localDay = NaN;
  /** Character codes of offenses' two fields (see {@link offense}), by offense object. */
  private readonly offenseCodes = new Map<Offense, OffenseCodes>();
  private lastOffense: OffenseCodes | null = null;

  constructor() {
    this.local[19] = 0x1f;
  }

  reset(): void {
    this.a1 = 0xdeadbeef | 0;
    this.a2 = 0x41c6ce57 | 0;
    this.b1 = (0xdeadbeef ^ 0x9e3779b9) | 0;
    this.b2 = (0x41c6ce57 ^ 0x9e3779b9) | 0;
  }

  /** One field: its UTF-16 code units, then the separator. */
  text(s: string): void {
    // The state in locals while the loop runs (fields are memory each time).
    let a1 = this.a1;
    let a2 = this.a2;
    let b1 = this.b1;
    let b2 = this.b2;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      a1 = Math.imul(a1 ^ ch, 2654435761);
      a2 = Math.imul(a2 ^ ch, 1597334677);
      b1 = Math.imul(b1 ^ ch, 2246822519);
      b2 = Math.imul(b2 ^ ch, 3266489917);
    }
    this.a1 = Math.imul(a1 ^ 0x1f, 2654435761);
    this.a2 = Math.imul(a2 ^ 0x1f, 1597334677);
    this.b1 = Math.imul(b1 ^ 0x1f, 2246822519);
    this.b2 = Math.imul(b2 ^ 0x1f, 3266489917);
  }

  /**
   * The code units `c[0..n)` as they stand, separators included (reading a typed array costs about
   * half of `charCodeAt` on a string).
   */
  private codes(c: Uint16Array, n: number): void {
    let a1 = this.a1;
    let a2 = this.a2;
    let b1 = this.b1;
    let b2 = this.b2;
    for (let i = 0; i < n; i++) {
      const ch = c[i]!;
      a1 = Math.imul(a1 ^ ch, 2654435761);
      a2 = Math.imul(a2 ^ ch, 1597334677);
      b1 = Math.imul(b1 ^ ch, 2246822519);
      b2 = Math.imul(b2 ^ ch, 3266489917);
    }
    this.a1 = a1;
    this.a2 = a2;
    this.b1 = b1;
    this.b2 = b2;
  }

  /** One field holding `String(n)`. */
  number(n: number): void {
    if (!Number.isSafeInteger(n)) {
      this.text(String(n));
      return;
    }
    const negative = n < 0;
    const v = Math.abs(n);
    // Below 2^53, the part above the last 8 digits is < 2^27: both parts are int32 (`| 0`), whose
    // digits come by integer division.
    const high = Math.floor(v / 1e8) | 0;
    let low = (v - high * 1e8) | 0;
    const c = this.num;
    let end: number;
    if (high > 0 && high === this.numHigh && negative === this.numNegative) end = this.numEnd;
    else {
      let k = 0;
      if (negative) c[k++] = 45; // "-"
      if (high > 0) {
        k += digitCount(high);
        for (let i = k, q = high; q > 0;) {
          const r = (q / 10) | 0;
          c[--i] = 48 + q - r * 10;
          q = r;
        }
        end = k + 8;
      } else end = k + digitCount(low);
      this.numHigh = high > 0 ? high : -1;
      this.numNegative = negative;
      this.numEnd = end;
    }
    let i = end;
    if (high > 0) {
      for (let j = 0; j < 8; j++) {
        const q = (low / 10) | 0;
        c[--i] = 48 + low - q * 10;
        low = q;
      }
    } else {
      do {
        const q = (low / 10) | 0;
        c[--i] = 48 + low - q * 10;
        low = q;
      } while (low > 0);
    }
    c[end] = 0x1f;
    this.codes(c, end + 1);
  }

  /**
   * One field holding the `YYYY-MM-DDTHH:mm:ss` text of whole-second epoch ms read as UTC, years
   * 0–9999 (the calendar arithmetic is H. Hinnant's days-to-civil, exact for the proleptic Gregorian
   * calendar that JavaScript dates use; every quantity is a non-negative int32 for these years).
   */
  localDateTime(ms: number): void {
    const days = Math.floor(ms / DAY_MS);
    const secondOfDay = ((ms - days * DAY_MS) / 1000) | 0;
    const c = this.local;
    if (days !== this.localDay) {
      // Days from 0000-03-01 as in Hinnant's algorithm, plus one 400-year era (146097 days, taken off
      // the year below) so that January and February of year 0 count up from 0 too.
      const z = (days + 719468 + 146097) | 0;
      const era = (z / 146097) | 0;
      const doe = z - era * 146097;
      const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
      const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0));
      const mp = ((5 * doy + 2) / 153) | 0;
      const d = doy - (((153 * mp + 2) / 5) | 0) + 1;
      const mo = mp < 10 ? mp + 3 : mp - 9;
      const y = yoe + era * 400 - 400 + (mo <= 2 ? 1 : 0);
      const hundreds = (y / 100) | 0;
      two(c, 0, hundreds);
      two(c, 2, y - hundreds * 100);
      c[4] = 45; // -
      two(c, 5, mo);
      c[7] = 45;
      two(c, 8, d);
      c[10] = 84; // T
      this.localDay = days;
    }
    const h = (secondOfDay / 3600) | 0;
    const rest = secondOfDay - h * 3600;
    const mi = (rest / 60) | 0;
    two(c, 11, h);
    c[13] = 58; // :
    two(c, 14, mi);
    c[16] = 58;
    two(c, 17, rest - mi * 60);
    this.codes(c, 20);
  }

  /**
   * An offense's two fields, category and label: their code units are kept per offense object
   * (importers share one object per label), at most 10,000 of them, and used while the object still
   * holds the same two texts.
   */
  offense(o: Offense): void {
    let e = this.lastOffense;
    if (e === null || e.offense !== o) {
      e = this.offenseCodes.get(o) ?? null;
      if (e === null) {
        if (this.offenseCodes.size >= 10_000) {
          this.text(o.category);
          this.text(o.sourceLabel);
          return;
        }
        e = { offense: o, category: '', label: '', codes: EMPTY_CODES };
        this.offenseCodes.set(o, e);
      }
      this.lastOffense = e;
    }
    if (e.category !== o.category || e.label !== o.sourceLabel) {
      const text = `${o.category}\u001f${o.sourceLabel}\u001f`;
      const c = new Uint16Array(text.length);
      for (let i = 0; i < text.length; i++) c[i] = text.charCodeAt(i);
      e.category = o.category;
      e.label = o.sourceLabel;
      e.codes = c;
    }
    this.codes(e.codes, e.codes.length);
  }

  finish(out: Uint32Array, at: number): void {
    finishInto(this.a1, this.a2, out, at);
    finishInto(this.b1, this.b2, out, at + 2);
  }
}

/** Decimal digits of a positive int32 (1 for 0). */
function digitCount(n: number): number {
  let count = 1;
  while (n >= 10) {
    n = (n / 10) | 0;
    count++;
  }
  return count;
}

/** Writes the two digits of `n` (0–99) at `c[i]`, `c[i + 1]`. */
function two(c: Uint16Array, i: number, n: number): void {
  const tens = (n / 10) | 0;
  c[i] = 48 + tens;
  c[i + 1] = 48 + n - tens * 10;
}

const HASHER = new FieldHasher();
