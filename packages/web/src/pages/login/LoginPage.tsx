import { useState, type FormEvent } from 'react';
import { apiUrl, sendJson } from '../../api/client.js';
import type { Locale, Me } from '../../api/types.js';
import { useLang } from '../../i18n/lang-context.js';

/**
 * The sign-in page: user name and password, POST /auth/login, and the server's message (wrong
 * password, locked account, too many attempts) in the chosen language.
 */
export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t, lang, setLang } = useLang();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    sendJson<Me>('POST', apiUrl('/auth/login', {}, lang), { username, password }).then(
      (me) => {
        setPassword('');
        onSignedIn(me);
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };
  return (
    <main className="login">
      <form className="login-form" onSubmit={submit} data-testid="login">
        <h1>
          {t('app.title')} <span className="agency">{t('login.title')}</span>
        </h1>
        <label className="field">
          <span>{t('login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="status error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
        <label className="lang">
          <span>{t('lang.label')}</span>
          <select name="lang" value={lang} onChange={(e) => setLang(e.target.value as Locale)}>
            <option value="es">Español</option>
            <option value="en">English</option>
          </select>
        </label>
      </form>
    </main>
  );
}
