import { apiUrl } from '../../api/client.js';
import type { MeetingSummary } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { useApp } from '../../app/app-context.js';
import { routeHash } from '../../app/router.js';
import { StatusBox } from '../../components/StatusBox.js';
import { useLang } from '../../i18n/lang-context.js';
import { MeetingView } from './MeetingView.js';
import { NewMeetingForm } from './NewMeetingForm.js';

/**
 * Meetings page: the list of COMPSTAT meetings and the form to prepare a new one, or (route parameter
 * `id`) one meeting with its agenda and action items.
 */
export function MeetingsPage() {
  const { params } = useApp();
  const id = Number(params['id']);
  return Number.isInteger(id) && id > 0 ? <MeetingView id={id} /> : <MeetingList />;
}

function MeetingList() {
  const { agency } = useApp();
  const { t, lang, fmt } = useLang();
  const list = useApi<MeetingSummary[]>(apiUrl('/meetings', {}, lang));
  return (
    <section className="page">
      <h1>{t('meetings.title')}</h1>
      <StatusBox loading={list.loading} error={list.error} />
      {list.data && list.data.length === 0 && <p>{t('meetings.none')}</p>}
      {list.data && list.data.length > 0 && (
        <div className="table-scroll">
          <table data-testid="meetings">
            <thead>
              <tr>
                <th scope="col">{t('meetings.meeting')}</th>
                <th scope="col">{t('common.week')}</th>
                <th scope="col">{t('meetings.units')}</th>
                <th scope="col">{t('meetings.status')}</th>
                <th scope="col">{t('meetings.created')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((m) => (
                <tr key={m.id} data-meeting={m.id}>
                  <td>
                    <a href={routeHash('meetings', { id: String(m.id) })}>{m.title}</a>
                  </td>
                  <td>{m.week}</td>
                  <td className="wrap">{m.units.map((u) => u.name).join(', ')}</td>
                  <td>{t(`meetings.state.${m.status}`)}</td>
                  <td>{fmt.instant(m.createdAt, agency.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewMeetingForm />
    </section>
  );
}
