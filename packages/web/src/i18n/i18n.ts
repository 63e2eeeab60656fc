import i18next, { type TFunction } from 'i18next';
import type { Locale } from '../api/types.js';
import { en } from './messages-en.js';
import { es } from './messages-es.js';

/**
 * The dashboard's i18next instance (es/en labels). API data (category labels, error messages) comes
 * already translated by the server through ?lang=.
 */
export const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en }, es: { translation: es } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** A translator fixed to one language. */
export function translator(lang: Locale): TFunction {
  return i18n.getFixedT(lang);
}
