import { isLocale, type Locale } from '@vigia/domain';

/**
 * The language of a response: `?lang=es|en`, else the first of Accept-Language's languages that Vigía
 * speaks (by q-value, RFC 9110 §12.5.4), else the agency's locale, else Spanish (the first users').
 */
export function requestLocale(
  query: unknown,
  acceptLanguage: string | undefined,
  agencyLocale: Locale | null,
): Locale {
  const lang = (query as { lang?: unknown } | undefined)?.lang;
  const tag = typeof lang === 'string' ? lang.slice(0, 2).toLowerCase() : undefined;
  if (isLocale(tag)) return tag;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part, i) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
        return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), i };
      })
      .filter((x) => x.q > 0)
      .sort((a, b) => b.q - a.q || a.i - b.i);
    const hit = ranked.find((x) => isLocale(x.lang));
    if (hit) return hit.lang as Locale;
  }
  return agencyLocale ?? 'es';
}
