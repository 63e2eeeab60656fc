import type { Agency, Locale } from '../api/types.js';
import { PAGES, routeHash, type Page } from '../app/router.js';
import { useLang } from '../i18n/lang-context.js';
import { useSession } from '../app/session-context.js';

/**
 * Top bar: agency name, page navigation (Users and Audit log for admins), language switch, the signed-in user with
 * their role and a sign-out button, and the demo-data banner.
 */
export function Header({ agency, page }: { agency: Agency; page: Page }) {
  const { t, lang, setLang } = useLang();
  const { me, signOut } = useSession();
  const user = me.user;
  const pages = PAGES.filter((p) => (p !== 'users' && p !== 'audit') || user.role === 'admin');
  return (
    <header className="top">
      <div className="brand">
        <strong>{t('app.title')}</strong> <span className="agency">{agency.name}</span>
      </div>
      <nav aria-label="main">
        {pages.map((p) => (
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
      <div className="user" data-testid="user">
        <span className="user-name">{user.displayName}</span>{' '}
        <span className="user-role">
          {t(`role.${user.role}`)}
          {user.unitCode ? ` · ${user.unitName ?? user.unitCode}` : ''}
        </span>
        <button type="button" className="link" onClick={signOut} data-testid="logout">
          {t('login.signOut')}
        </button>
      </div>
      {agency.demo && (
        <p className="demo-banner" role="note" data-testid="demo-banner">
          {t('demo.banner')}
        </p>
      )}
    </header>
  );
}
