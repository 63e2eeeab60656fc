import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { apiUrl } from '../api/client.js';
import type { Agency, Category, Locale, UnitCollection } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { Header } from '../components/Header.js';
import { StatusBox } from '../components/StatusBox.js';
import { LangContext, langValue } from '../i18n/lang-context.js';
import { CompstatPage } from '../pages/compstat/CompstatPage.js';
import { QualityPage } from '../pages/quality/QualityPage.js';
import { MeetingsPage } from '../pages/meetings/MeetingsPage.js';
import { ActionItemsPage } from '../pages/actions/ActionItemsPage.js';
import { AppContext, type AppData } from './app-context.js';
import { useRoute } from './router.js';

// MapLibre and Chart.js are most of the bundle: loaded only when their page is opened.
const MapPage = lazy(() => import('../pages/map/MapPage.js').then((m) => ({ default: m.MapPage })));
const TrendsPage = lazy(() =>
  import('../pages/trends/TrendsPage.js').then((m) => ({ default: m.TrendsPage })),
);

const LANG_KEY = 'vigia.lang';

function storedLang(): Locale | null {
  const v = window.localStorage.getItem(LANG_KEY);
  return v === 'es' || v === 'en' ? v : null;
}

/**
 * The dashboard shell: loads the agency (its locale is the default language, a user's choice is kept
 * in localStorage), units and categories, then shows the page of the current hash route.
 */
export function App() {
  const [route, go] = useRoute();
  const [chosen, setChosen] = useState<Locale | null>(storedLang);
  const agency = useApi<Agency>(apiUrl('/agency', {}, chosen ?? 'en'));
  const lang: Locale = chosen ?? agency.data?.locale ?? 'en';
  const units = useApi<UnitCollection>(agency.data ? apiUrl('/units', { geometry: false }, lang) : null);
  const categories = useApi<Category[]>(agency.data ? apiUrl('/categories', {}, lang) : null);

  const lv = useMemo(
    () =>
      langValue(lang, (l) => {
        window.localStorage.setItem(LANG_KEY, l);
        setChosen(l);
      }),
    [lang],
  );
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
            params: route.params,
            go,
          }
        : null,
    [agency.data, units.data, categories.data, route.params, go],
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
              {route.page === 'quality' && <QualityPage />}
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
