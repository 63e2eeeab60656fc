import { describe, expect, it } from 'vitest';
import { initialLocale, type Io } from './context.js';

/** An Io whose environment is `env` (initialLocale reads nothing else). */
const io = (env: Record<string, string | undefined>): Io => ({
  out: () => undefined,
  err: () => undefined,
  interactive: false,
  now: () => 0,
  env,
});

describe('initialLocale: the language of CLI messages', () => {
  it('is --lang first, then VIGIA_LANG, then the agency, then the system locale, then Spanish', () => {
    const all = { VIGIA_LANG: 'en', LANG: 'es_PA.UTF-8' };
    expect(initialLocale(io(all), 'es', 'en')).toBe('es');
    expect(initialLocale(io(all), undefined, 'es')).toBe('en'); // an explicit choice beats the agency
    expect(initialLocale(io({ LANG: 'en_US.UTF-8' }), undefined, 'es')).toBe('es');
    expect(initialLocale(io({ LANG: 'en_US.UTF-8' }))).toBe('en');
    expect(initialLocale(io({}))).toBe('es');
  });

  it('treats the C and POSIX locales as no preference: the agency decides, else Spanish', () => {
    for (const c of ['C', 'C.UTF-8', 'C.utf8', 'POSIX']) {
      expect(initialLocale(io({ LANG: c }), undefined, 'en'), c).toBe('en');
      expect(initialLocale(io({ LANG: c }), undefined, 'es'), c).toBe('es');
      expect(initialLocale(io({ LANG: c })), c).toBe('es');
    }
    // LC_ALL overrides LANG (POSIX), so LC_ALL=C means C even when LANG names a language.
    expect(initialLocale(io({ LC_ALL: 'C', LANG: 'en_US.UTF-8' }))).toBe('es');
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG; an empty variable is unset', () => {
    expect(initialLocale(io({ LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: 'es_ES', LANG: 'es_ES' }))).toBe('en');
    expect(initialLocale(io({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'es_ES' }))).toBe('en');
    expect(initialLocale(io({ LC_ALL: '', LANG: 'en_US.UTF-8' }))).toBe('en');
    expect(initialLocale(io({ VIGIA_LANG: '', LANG: 'en_US.UTF-8' }))).toBe('en');
  });

  it('ignores languages it does not speak (fr, de) as no preference', () => {
    expect(initialLocale(io({ VIGIA_LANG: 'fr', LANG: 'de_DE.UTF-8' }), undefined, 'en')).toBe('en');
    expect(initialLocale(io({ LANG: 'fr_FR.UTF-8' }))).toBe('es');
  });
});
