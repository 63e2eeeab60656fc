import { useState } from 'react';
import { apiUrl, postJson } from '../../api/client.js';
import type { CompstatReport } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { unitByCode, useApp } from '../../app/app-context.js';
import { useSession } from '../../app/session-context.js';
import { Select } from '../../components/Select.js';
import { StatusBox } from '../../components/StatusBox.js';
import { WeekInput } from '../../components/WeekInput.js';
import { useLang } from '../../i18n/lang-context.js';
import { BookTable } from './BookTable.js';
import { bookCsv, download } from './book-csv.js';
import { bookPdfUrl } from './book-pdf.js';
import { coverageMessages } from './coverage.js';
import { SMALL_PREVIOUS, bookRows, clearanceRows } from './book-rows.js';
import { ClearanceTable } from './ClearanceTable.js';
import { unitTitle } from './unit-title.js';

/**
 * COMPSTAT page: the book for a week (route parameter `week`, default the latest complete week), a
 * root unit (`unit`, default the agency) and the units of a level under it (`level`, default its
 * direct children), for one category (`cat`, default all).
 */
export function CompstatPage() {
  const { agency, units, categories, params, go } = useApp();
  const { t, lang, fmt } = useLang();
  const week = params['week'] ?? agency.defaultWeek;
  const unit = params['unit'];
  const level = params['level'];
  const cat = params['cat'] ?? '*';
  const report = useApi<CompstatReport>(apiUrl('/reports/compstat', { week, unit, level }, lang));
  const root = unitByCode(units, unit);
  const parent = unitByCode(units, root?.properties.parent ?? undefined);
  // A commander's book stops at their own unit: above it the server answers 404.
  const { me } = useSession();
  const mayGoUp = me.user.role !== 'commander' || root?.properties.code !== me.user.unitCode;
  const nav = (p: Record<string, string | undefined>) => go('compstat', { week, unit, level, cat, ...p });

  const view = report.data ? bookRows(report.data, cat) : null;
  const clearance = report.data ? clearanceRows(report.data, cat) : [];
  const [exportError, setExportError] = useState<Error | null>(null);
  // The export is recorded in the audit log (POST /exports) before the file is offered: a refusal
  // (no right to export) or an unreachable server stops it.
  const exportCsv = async () => {
    const data = report.data;
    if (!view || !data) return;
    setExportError(null);
    try {
      await postJson(apiUrl('/exports', {}, lang), {
        kind: 'compstat_csv',
        week,
        unit,
        level,
        category: cat,
        rows: view.rows.length + view.remainder.length,
      });
      download(
        `compstat-${week}${unit ? `-${unit}` : ''}.csv`,
        bookCsv(week, cat, view.rows, view.remainder, t('compstat.remainder'), data),
      );
    } catch (e) {
      setExportError(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const p = report.data?.periods;
  return (
    <section className="page">
      <h1>
        {t('compstat.title')} —{' '}
        {root ? unitTitle(root.properties.level, root.properties.name) : t('common.allUnits')}
      </h1>
      <div className="controls">
        <WeekInput value={week} max={agency.latestCompleteWeek} onChange={(w) => nav({ week: w })} />
        <Select
          name="level"
          label={t('common.level')}
          value={level ?? ''}
          options={[
            { value: '', label: t('common.childrenOf') },
            ...agency.levels.map((l) => ({ value: l.name, label: l.name })),
          ]}
          onChange={(v) => nav({ level: v || undefined })}
        />
        <Select
          name="cat"
          label={t('common.category')}
          value={cat}
          options={[
            { value: '*', label: t('common.allCategories') },
            ...categories.map((c) => ({ value: c.code, label: c.label })),
          ]}
          onChange={(v) => nav({ cat: v })}
        />
        {view && report.data && (
          <button type="button" data-testid="export-csv" onClick={() => void exportCsv()}>
            {t('compstat.exportCsv')}
          </button>
        )}
        <a className="button" data-testid="book-pdf" href={bookPdfUrl(week, level, lang)} download>
          {t('compstat.downloadBook')}
        </a>
      </div>
      {root && mayGoUp && (
        <p>
          <button
            type="button"
            className="link"
            onClick={() => nav({ unit: parent?.properties.code, level: undefined })}
          >
            ↑ {t('compstat.up', { name: parent ? parent.properties.name : t('common.allUnits') })}
          </button>
        </p>
      )}
      {p && (
        <p className="periods muted">
          {t('compstat.wtd')}:{' '}
          {t('common.weekRange', { start: fmt.date(p.wtd.start), end: fmt.date(p.wtd.end) })} ·{' '}
          {t('compstat.d28')}:{' '}
          {t('common.weekRange', { start: fmt.date(p.d28.start), end: fmt.date(p.d28.end) })} ·{' '}
          {t('compstat.ytd')}:{' '}
          {t('common.weekRange', { start: fmt.date(p.ytd.start), end: fmt.date(p.ytd.end) })}
        </p>
      )}
      {report.data &&
        coverageMessages(report.data).map((m) => (
          <p key={m.key} className="warning" role="status" data-testid="coverage-note">
            {t(m.key, Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, fmt.date(v)])))}
          </p>
        ))}
      <StatusBox loading={report.loading} error={report.error ?? exportError} />
      {view &&
        (view.rows.length === 0 ? (
          <p>{t('compstat.noRows')}</p>
        ) : (
          <BookTable
            rows={view.rows}
            remainder={view.remainder}
            rootUnit={unit ?? '*'}
            onDrill={(u) => nav({ unit: u, level: undefined })}
          />
        ))}
      {clearance.length > 0 && <ClearanceTable rows={clearance} />}
      <ul className="legend">
        <li>
          <span className="swatch up" /> {t('compstat.legendUp')}
        </li>
        <li>
          <span className="swatch down" /> {t('compstat.legendDown')}
        </li>
        <li>
          <span className="swatch small">·</span> {t('compstat.legendSmall', { n: SMALL_PREVIOUS })}
        </li>
      </ul>
    </section>
  );
}
