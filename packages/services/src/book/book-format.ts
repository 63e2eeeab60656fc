import { translate, type Locale, type MessageParams } from '@vigia/domain';

/**
 * Labels, numbers and dates of the book in one language. Counts and percentages are formatted exactly
 * as the CLI's COMPSTAT table (packages/cli/src/format/number.ts): digit grouping from four digits on
 * ("14.721" es, "14,721" en), a signed percent with one decimal ("+6,5" es), "n/d" / "n/a" when last
 * year was 0. Every string passes through {@link winAnsi} because the book uses the PDF standard fonts.
 */
export interface BookFormat {
  locale: Locale;
  /** A message of the catalogue (domain i18n), made printable. */
  t: (key: string, params?: MessageParams) => string;
  count: (n: number) => string;
  /** A signed count change ("+12", "-3", "0"). */
  change: (n: number) => string;
  pct: (p: number | null) => string;
  /** A local date `YYYY-MM-DD` as "9 dic 2019" / "Dec 9, 2019". */
  date: (ymd: string) => string;
  /** A short month label for chart axes ("dic 2019" / "Dec 2019"). */
  month: (ymd: string) => string;
  /** A UTC instant (epoch ms) in `timeZone` as a long date and time. */
  instant: (ms: number, timeZone: string) => string;
}

/** The formats of {@link BookFormat} for `locale`. */
export function bookFormat(locale: Locale): BookFormat {
  const tag = locale === 'es' ? 'es-ES' : 'en-US';
  const integer = new Intl.NumberFormat(tag, { useGrouping: 'always' });
  const signed = new Intl.NumberFormat(tag, { useGrouping: 'always', signDisplay: 'exceptZero' });
  const percent = new Intl.NumberFormat(tag, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const day = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const month = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const utc = (ymd: string) => new Date(`${ymd}T00:00:00Z`);
  return {
    locale,
    t: (key, params = {}) => winAnsi(translate(locale, key, params)),
    count: (n) => integer.format(n),
    change: (n) => signed.format(n),
    pct: (p) => (p === null ? (locale === 'es' ? 'n/d' : 'n/a') : percent.format(p)),
    date: (ymd) => winAnsi(day.format(utc(ymd))),
    month: (ymd) => winAnsi(month.format(utc(ymd))),
    instant: (ms, timeZone) =>
      winAnsi(
        new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
          new Date(ms),
        ),
      ),
  };
}

// The characters of Windows-1252 (WinAnsiEncoding) beyond Latin-1: what the PDF standard fonts can
// show besides U+0020–U+007E and U+00A0–U+00FF.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
  '\u2212': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
};

function printable(c: string): boolean {
  const code = c.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(c);
}

/**
 * `text` restricted to what the PDF standard fonts (Helvetica, Courier with WinAnsiEncoding) can
 * draw: all of Spanish and English (á é í ó ú ü ñ ¿ ¡ € — …) passes unchanged; a few symbols get an
 * ASCII spelling (− → ≤ ≥ ≠, narrow spaces); other letters lose their accents when that makes them
 * printable ("ő" → "o"); anything else becomes "?". Without this, pdfkit would print garbage glyphs.
 */
export function winAnsi(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) {
    if (c !== '\u00a0' && printable(c)) out += c;
    else if (REPLACEMENTS[c] !== undefined) out += REPLACEMENTS[c];
    else {
      const base = c.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length > 0 && [...base].every(printable) ? base : '?';
    }
  }
  return out;
}
