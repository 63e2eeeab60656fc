import i18next, { type i18n } from 'i18next';
import type { Locale } from './locale.js';
import { messagesEn } from './messages-en.js';
import { messagesEs } from './messages-es.js';

let instance: i18n | undefined;

function get(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      initAsync: false,
      lng: 'es',
      fallbackLng: 'en',
      resources: { en: { translation: messagesEn }, es: { translation: messagesEs } },
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
  }
  return instance;
}

/** Interpolation values for a message: `{{name}}` placeholders in the catalogue. */
export type MessageParams = Record<string, string | number>;

/**
 * Translates a message key (see messages-en.ts / messages-es.ts) into `locale`, filling `{{name}}`
 * placeholders from `params`. Unknown keys come back as the key itself, so a missing message is visible.
 * @see i18next (https://www.i18next.com), used for lookup, fallback and interpolation.
 */
export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  return get().t(key, { lng: locale, ...params });
}

/** True when `key` has a message in `locale` (used by the catalogue tests). */
export function hasMessage(locale: Locale, key: string): boolean {
  return get().exists(key, { lng: locale, fallbackLng: false });
}
