import type { Agency, Locale } from '../api/types.js';
import { PAGES, routeHash, type Page } from '../app/router.js';
import { useLang } from '../i18n/lang-context.js';

/** Top bar: agency name, page navigation, language switch, and the demo-data banner. */
export function Header({ agency, page }: { agency: Agency; page: Page }) {
  const { t, lang, setLang } = useLang();
  return (
    <header className="top">
      <div className="brand">
        <strong>{t('app.title')}</strong> <span className="agency">{agency.name}</span>
      </div>
      <nav aria-label="main">
        {PAGES.map((p) => (
          <a key={p} href={routeHash(p, {})} aria-current={p === page ? 'page' : undefined} data-page={p}>
            {t(`nav.${p}`)}
          </a>
        ))}
      </nav>
      <label className="lang">
        <span>{t('lang.label')}</span>
        <select name="lang" value={lang} onChange={(e) => setLang(e.target.value as Locale)}>
          <option value="es">Español</option>
          <option value="en">English</option>
        </select>
      </label>
      {agency.demo && (
        <p className="demo-banner" role="note" data-testid="demo-banner">
          {t('demo.banner')}
        </p>
      )}
    </header>
  );
}
