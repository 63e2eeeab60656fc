import { describe, expect, it } from 'vitest';
import { QUARANTINE_REASONS } from '../quarantine/reasons.js';
import { CALL_INTERVAL_FLAGS } from '../calls/call-intervals.js';
import { OFFENSE_CATEGORY_CODES } from '../taxonomy/offense-categories.js';
import { LOCALES, isLocale, localeFromTag } from './locale.js';
import { messagesEn } from './messages-en.js';
import { messagesEs } from './messages-es.js';
import { hasMessage, translate } from './translate.js';

/** Every leaf of a message tree as `[dotted key, text]`. */
function leaves(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  expect(tree, prefix).toBeTypeOf('object');
  expect(tree, prefix).not.toBeNull();
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!))].sort();

const es = new Map(leaves(messagesEs));
const en = new Map(leaves(messagesEn));

// Spanish has one plural category English lacks (CLDR "many": exact millions, "1000000 de incidentes").
const esOnly = (key: string) => key.endsWith('_many');

describe('messages', () => {
  it('Spanish and English have exactly the same keys (besides Spanish "_many" plural forms)', () => {
    expect([...es.keys()].filter((k) => !esOnly(k)).sort()).toEqual([...en.keys()].sort());
    expect(es.size).toBeGreaterThan(50);
    for (const key of [...es.keys()].filter(esOnly)) {
      expect(en.has(key.replace(/_many$/, '_other')), key).toBe(true);
      expect(placeholders(es.get(key)!), key).toEqual(placeholders(en.get(key.replace(/_many$/, '_other'))!));
    }
  });

  it('plural messages take the singular for 1 and the plural otherwise, in both languages', () => {
    const p = { incidents: 40, example: '41.8, -87.6 (40)' };
    expect(translate('en', 'analyze.recurringExcluded', { ...p, count: 1 })).toMatch(
      /^1 location that recurs/,
    );
    expect(translate('en', 'analyze.recurringExcluded', { ...p, count: 2 })).toMatch(
      /^2 locations that recur/,
    );
    expect(translate('es', 'analyze.recurringExcluded', { ...p, count: 1 })).toMatch(
      /^Se excluyó 1 ubicación /,
    );
    expect(translate('es', 'analyze.recurringExcluded', { ...p, count: 3 })).toMatch(
      /^Se excluyeron 3 ubicaciones /,
    );
    expect(translate('es', 'analyze.noLocation', { count: 1_000_000 })).toMatch(/^1000000 de incidentes/);
    expect(translate('en', 'analyze.noLocation', { count: 0 })).toMatch(/^0 incidents/);
  });

  it('every message is non-empty and has the same placeholders in both languages', () => {
    for (const [key, textEn] of en) {
      const textEs = es.get(key) ?? '';
      expect(textEn.trim(), key).not.toBe('');
      expect(textEs.trim(), key).not.toBe('');
      expect(placeholders(textEs), key).toEqual(placeholders(textEn));
      // An unbalanced brace would print literally.
      expect(textEn.split('{{').length, key).toBe(textEn.split('}}').length);
      expect(textEs.split('{{').length, key).toBe(textEs.split('}}').length);
    }
  });

  it('every key is reachable through translate in both languages', () => {
    for (const locale of LOCALES) {
      const tree = locale === 'es' ? es : en;
      for (const [key, text] of tree) {
        expect(hasMessage(locale, key), `${locale} ${key}`).toBe(true);
        if (placeholders(text).length === 0) expect(translate(locale, key), `${locale} ${key}`).toBe(text);
      }
    }
  });

  it('every quarantine reason has a message in both languages', () => {
    for (const reason of QUARANTINE_REASONS) {
      for (const locale of LOCALES) {
        expect(hasMessage(locale, `quarantine.${reason}`), `${locale} ${reason}`).toBe(true);
      }
    }
    expect(Object.keys(messagesEn.quarantine).sort()).toEqual([...QUARANTINE_REASONS].sort());
  });

  it('every call interval flag has a label in both languages', () => {
    for (const flag of CALL_INTERVAL_FLAGS) {
      for (const locale of LOCALES) {
        expect(hasMessage(locale, `intervalFlag.${flag}`), `${locale} ${flag}`).toBe(true);
      }
    }
    expect(Object.keys(messagesEn.intervalFlag).sort()).toEqual([...CALL_INTERVAL_FLAGS].sort());
  });

  it('every offense category and "*" (all categories) has a label in both languages', () => {
    for (const code of [...OFFENSE_CATEGORY_CODES, '*']) {
      for (const locale of LOCALES) {
        expect(hasMessage(locale, `category.${code}`), `${locale} ${code}`).toBe(true);
      }
    }
    expect(Object.keys(messagesEn.category).sort()).toEqual([...OFFENSE_CATEGORY_CODES, '*'].sort());
    expect(translate('es', 'category.*')).toBe('Todas las categorías');
    expect(translate('en', 'category.*')).toBe('All categories');
    expect(translate('es', 'category.homicide')).toBe('Homicidio');
    expect(translate('en', 'category.homicide')).toBe('Homicide');
  });

  it('a missing key comes back as the key, and hasMessage does not fall back to the other language', () => {
    expect(translate('es', 'error.NO_SUCH_CODE')).toBe('error.NO_SUCH_CODE');
    expect(hasMessage('es', 'error.NO_SUCH_CODE')).toBe(false);
    expect(hasMessage('en', 'error.NO_SUCH_CODE')).toBe(false);
  });

  it('translate fills placeholders', () => {
    expect(translate('es', 'init.done', { name: 'PNP', timeZone: 'America/Panama', db: 'v.duckdb' })).toBe(
      'Se creó la institución "PNP" (America/Panama) en v.duckdb.',
    );
    expect(translate('en', 'import.units', { count: 1, level: 'beat', created: 1, updated: 0 })).toBe(
      'Imported 1 units at level "beat" (1 new, 0 updated).',
    );
  });
});

describe('locales', () => {
  it('isLocale accepts es and en only', () => {
    expect(LOCALES).toEqual(['es', 'en']);
    for (const v of ['es', 'en']) expect(isLocale(v)).toBe(true);
    for (const v of ['ES', 'es-PA', 'fr', '', null, undefined, 1]) expect(isLocale(v)).toBe(false);
  });

  it.each([
    ['es_PA.UTF-8', 'en', 'es'],
    ['es-419', 'en', 'es'],
    ['ES', 'en', 'es'],
    ['en-US', 'es', 'en'],
    ['en_GB.UTF-8', 'es', 'en'],
    ['EN', 'es', 'en'],
    ['fr_FR.UTF-8', 'es', 'es'],
    ['fr_FR.UTF-8', 'en', 'en'],
    ['C', 'es', 'es'],
    ['C.UTF-8', 'en', 'en'],
    ['POSIX', 'es', 'es'],
    ['', 'en', 'en'],
    [undefined, 'es', 'es'],
    [undefined, 'en', 'en'],
  ] as const)('localeFromTag(%j, %s) = %s', (tag, fallback, expected) => {
    expect(localeFromTag(tag, fallback)).toBe(expected);
  });
});
