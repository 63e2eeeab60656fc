import type { DataQuality } from '../../api/types.js';
import { useApp } from '../../app/app-context.js';
import { useLang } from '../../i18n/lang-context.js';
import { CountTable } from './CountTable.js';

/** The data-quality figures as cards, with quarantine by reason and unclassified labels. */
export function QualityFigures({ q }: { q: DataQuality }) {
  const { t, fmt } = useLang();
  const { agency } = useApp();
  const cards: [string, string][] = [
    ['incidents', fmt.count(q.incidents)],
    ['located', fmt.count(q.located)],
    ['shareLocated', q.shareLocated === null ? '—' : fmt.share(q.shareLocated)],
    ['noLocation', fmt.count(q.noLocation)],
    ['outsideJurisdiction', fmt.count(q.outsideJurisdiction)],
    ['unitDisagreements', fmt.count(q.unitDisagreements)],
    ['unfounded', fmt.count(q.unfounded)],
    ['quarantinedRows', fmt.count(q.quarantinedRows)],
  ];
  return (
    <>
      <dl className="cards" data-testid="quality-figures">
        {cards.map(([k, v]) => (
          <div key={k} className="card" data-figure={k}>
            <dt>{t(`quality.${k}`)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="two-col">
        <CountTable title={t('quality.byReason')} empty={t('quality.none')} rows={q.quarantineByReason} />
        <CountTable title={t('quality.unclassified')} empty={t('quality.none')} rows={q.unclassifiedLabels} />
      </div>
      <h2>{t('quality.imports')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {[
                'started',
                'file',
                'profile',
                'read',
                'stored',
                'updated',
                'unchanged',
                'quarantinedRows',
              ].map((k) => (
                <th key={k} scope="col">
                  {t(`quality.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {q.imports.map((i) => (
              <tr key={i.importId}>
                <td>{fmt.instant(i.startedAt, agency.timeZone)}</td>
                <td>{i.file}</td>
                <td>{i.profile}</td>
                <td className="num">{fmt.count(i.read)}</td>
                <td className="num">{fmt.count(i.stored)}</td>
                <td className="num">{fmt.count(i.updated)}</td>
                <td className="num">{fmt.count(i.unchanged)}</td>
                <td className="num">{fmt.count(i.quarantined)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
