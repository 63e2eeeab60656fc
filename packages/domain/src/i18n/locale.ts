/** A language Vigía speaks. Spanish is first: the first users are Central American police forces. */
export type Locale = 'es' | 'en';

/** Every supported locale, Spanish first. */
export const LOCALES: readonly Locale[] = ['es', 'en'];

/** True when `value` is a supported locale code ("es" or "en"). */
export function isLocale(value: unknown): value is Locale {
  return value === 'es' || value === 'en';
}

/**
 * Picks a locale from an environment language tag such as `es_PA.UTF-8` or `en-US`
 * (the POSIX `LANG` form or a BCP 47 tag). Returns `fallback` when the tag is empty or not Spanish/English.
 */
export function localeFromTag(tag: string | undefined, fallback: Locale): Locale {
  const lang = (tag ?? '').toLowerCase().slice(0, 2);
  return isLocale(lang) ? lang : fallback;
}
