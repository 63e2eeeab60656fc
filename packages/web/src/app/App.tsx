import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { apiUrl, getJson, sendJson, setCsrfToken, setUnauthenticatedHandler } from '../api/client.js';
import type { Agency, Category, Locale, Me, UnitCollection } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { Header } from '../components/Header.js';
import { StatusBox } from '../components/StatusBox.js';
import { LangContext, langValue } from '../i18n/lang-context.js';
import { CompstatPage } from '../pages/compstat/CompstatPage.js';
import { QualityPage } from '../pages/quality/QualityPage.js';
import { AuditPage } from '../pages/audit/AuditPage.js';
import { LoginPage } from '../pages/login/LoginPage.js';
import { UsersPage } from '../pages/users/UsersPage.js';
import { MeetingsPage } from '../pages/meetings/MeetingsPage.js';
import { ActionItemsPage } from '../pages/actions/ActionItemsPage.js';
import { AppContext, type AppData } from './app-context.js';
import { SessionContext, useSession, type SessionValue } from './session-context.js';
import { useRoute } from './router.js';

// MapLibre and Chart.js are most of the bundle: loaded only when their page is opened.
const MapPage = lazy(() => import('../pages/map/MapPage.js').then((m) => ({ default: m.MapPage })));
const AnalysisPage = lazy(() =>
  import('../pages/analysis/AnalysisPage.js').then((m) => ({ default: m.AnalysisPage })),
);
const TrendsPage = lazy(() =>
  import('../pages/trends/TrendsPage.js').then((m) => ({ default: m.TrendsPage })),
);
const ResponsePage = lazy(() =>
  import('../pages/response/ResponsePage.js').then((m) => ({ default: m.ResponsePage })),
);

const LANG_KEY = 'vigia.lang';

function storedLang(): Locale | null {
  const v = window.localStorage.getItem(LANG_KEY);
  return v === 'es' || v === 'en' ? v : null;
}

/** The browser's language if Vigía speaks it, else Spanish (before sign-in the agency is unknown). */
function browserLang(): Locale {
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'es';
}

/**
 * The app: asks the server who is signed in (GET /auth/me), shows the sign-in page when nobody is
 * (and again whenever a request answers 401: the session ended), else the dashboard.
 */
export function App() {
  const [chosen, setChosen] = useState<Locale | null>(storedLang);
  // undefined: still asking; null: signed out.
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const signedIn = useCallback((m: Me | null) => {
    setCsrfToken(m?.csrfToken ?? '');
    setMe(m);
  }, []);
  useEffect(() => {
    setUnauthenticatedHandler(() => signedIn(null));
    getJson<Me>(apiUrl('/auth/me', {}, 'en')).then(signedIn, () => signedIn(null));
  }, [signedIn]);
  const session: SessionValue | null = useMemo(
    () =>
      me
        ? {
            me,
            signOut: () => {
              void sendJson('POST', apiUrl('/auth/logout', {}, 'en')).finally(() => signedIn(null));
            },
          }
        : null,
    [me, signedIn],
  );
  const choose = useCallback((l: Locale) => {
    window.localStorage.setItem(LANG_KEY, l);
    setChosen(l);
  }, []);
  const loginLang = useMemo(() => langValue(chosen ?? browserLang(), choose), [chosen, choose]);

  if (me === undefined) return null;
  if (!session) {
    return (
      <LangContext.Provider value={loginLang}>
        <LoginPage onSignedIn={signedIn} />
      </LangContext.Provider>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Dashboard chosen={chosen} choose={choose} />
    </SessionContext.Provider>
  );
}

/**
 * The dashboard shell: loads the agency (its locale is the default language, a user's choice is kept
 * in localStorage), units and categories, then shows the page of the current hash route.
 */
function Dashboard({ chosen, choose }: { chosen: Locale | null; choose: (l: Locale) => void }) {
  const [route, go] = useRoute();
  const { me } = useSession();
  // A commander's pages open on their own unit (the server scopes them to it anyway).
  const ownUnit = me.user.role === 'commander' ? me.user.unitCode : null;
  const params = useMemo(
    () => (ownUnit && route.params['unit'] === undefined ? { ...route.params, unit: ownUnit } : route.params),
    [route.params, ownUnit],
  );
  // An import changes the data's span and the weeks pages open on: the agency is loaded again.
  const [dataVersion, setDataVersion] = useState(0);
  const dataChanged = useCallback(() => setDataVersion((v) => v + 1), []);
  const agency = useApi<Agency>(apiUrl('/agency', {}, chosen ?? 'en'), dataVersion);
  const lang: Locale = chosen ?? agency.data?.locale ?? 'en';
  const units = useApi<UnitCollection>(agency.data ? apiUrl('/units', { geometry: false }, lang) : null);
  const categories = useApi<Category[]>(agency.data ? apiUrl('/categories', {}, lang) : null);

  const lv = useMemo(() => langValue(lang, choose), [lang, choose]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const data: AppData | null = useMemo(
    () =>
      agency.data && units.data && categories.data
        ? {
            agency: agency.data,
            units: units.data.features,
            categories: categories.data.map((c) => ({ code: c.code, label: c.label })),
            params,
            go,
            dataVersion,
            dataChanged,
          }
        : null,
    [agency.data, units.data, categories.data, params, go, dataVersion, dataChanged],
  );

  return (
    <LangContext.Provider value={lv}>
      {data ? (
        <AppContext.Provider value={data}>
          <Header agency={data.agency} page={route.page} />
          <main data-page={route.page}>
            <Suspense fallback={<StatusBox loading={true} error={null} />}>
              {route.page === 'compstat' && <CompstatPage />}
              {route.page === 'map' && <MapPage />}
              {route.page === 'trends' && <TrendsPage />}
              {route.page === 'analysis' && <AnalysisPage />}
              {route.page === 'response' && <ResponsePage />}
              {route.page === 'quality' && <QualityPage />}
              {route.page === 'audit' && <AuditPage />}
              {route.page === 'users' && <UsersPage />}
              {route.page === 'meetings' && <MeetingsPage />}
              {route.page === 'actions' && <ActionItemsPage />}
            </Suspense>
          </main>
        </AppContext.Provider>
      ) : (
        <main>
          <StatusBox loading={true} error={agency.error ?? units.error ?? categories.error} />
        </main>
      )}
    </LangContext.Provider>
  );
}
