import type { IncidentRecord } from '../incident/incident.js';

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
 */
export function incidentContentHashWords(
  r: IncidentRecord,
  out: Uint32Array,
  at: number,
  lonText: string | null = null,
  latText: string | null = null,
): void {
  const h = HASHER;
  h.reset();
  h.number(r.occurredAt);
  h.text(r.occurredLocal);
  h.text(r.reportedLocalDate ?? '');
  if (r.lon === null) h.text('');
  else if (lonText !== null) h.text(lonText);
  else h.number(r.lon);
  if (r.lat === null) h.text('');
  else if (latText !== null) h.text(latText);
  else h.number(r.lat);
  h.text(r.sourceUnit ?? '');
  h.text(r.status);
  for (const o of r.offenses) {
    h.text(o.category);
    h.text(o.sourceLabel);
  }
  if (r.arrest !== null) h.text(r.arrest ? ARREST_YES : ARREST_NO);
  h.finish(out, at);
}

/** The last field of the content of a record whose source flags an arrest, or flags none. */
const ARREST_YES = 'arrest:1';
const ARREST_NO = 'arrest:0';

/** {@link fingerprintWords} fed one field at a time. */
class FieldHasher {
  private a1 = 0;
  private a2 = 0;
  private b1 = 0;
  private b2 = 0;
  private readonly digits = new Uint8Array(24);

  reset(): void {
    this.a1 = 0xdeadbeef | 0;
    this.a2 = 0x41c6ce57 | 0;
    this.b1 = (0xdeadbeef ^ 0x9e3779b9) | 0;
    this.b2 = (0x41c6ce57 ^ 0x9e3779b9) | 0;
  }

  private char(ch: number): void {
    this.a1 = Math.imul(this.a1 ^ ch, 2654435761);
    this.a2 = Math.imul(this.a2 ^ ch, 1597334677);
    this.b1 = Math.imul(this.b1 ^ ch, 2246822519);
    this.b2 = Math.imul(this.b2 ^ ch, 3266489917);
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

  /** One field holding `String(n)`. */
  number(n: number): void {
    if (!Number.isSafeInteger(n)) {
      this.text(String(n));
      return;
    }
    if (n < 0) this.char(45); // "-"
    let v = Math.abs(n);
    let k = 0;
    do {
      const q = Math.floor(v / 10);
      this.digits[k++] = v - q * 10;
      v = q;
    } while (v > 0);
    while (k > 0) this.char(48 + this.digits[--k]!);
    this.char(0x1f);
  }

  finish(out: Uint32Array, at: number): void {
    finishInto(this.a1, this.a2, out, at);
    finishInto(this.b1, this.b2, out, at + 2);
  }
}

const HASHER = new FieldHasher();
