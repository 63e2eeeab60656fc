import { useState } from 'react';
import { apiUrl, sendJson } from '../../api/client.js';
import type { MeetingDetail } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { useApp } from '../../app/app-context.js';
import { routeHash } from '../../app/router.js';
import { StatusBox } from '../../components/StatusBox.js';
import { WeekEndNote } from '../../components/WeekEndNote.js';
import { useLang } from '../../i18n/lang-context.js';
import { ActionItemTable } from './ActionItemTable.js';
import { AgendaItemView } from './AgendaItemView.js';
import { NewActionItemForm, type ActionItemDraft } from './NewActionItemForm.js';
import { meetingUnitOf } from './agenda-text.js';

/**
 * One meeting: per unit, its agenda (significant increases highlighted) with notes, the action items
 * created for it in this meeting (editable, with their history) and a form to add one.
 */
export function MeetingView({ id }: { id: number }) {
  const { agency, units } = useApp();
  const { t, lang, fmt } = useLang();
  const [reload, setReload] = useState(0);
  const refresh = () => setReload((n) => n + 1);
  const meeting = useApi<MeetingDetail>(apiUrl(`/meetings/${id}`, {}, lang), reload);
  const [draft, setDraft] = useState<ActionItemDraft | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const m = meeting.data;

  const setStatus = (status: 'open' | 'closed') => {
    if (!m) return;
    sendJson('PATCH', apiUrl(`/meetings/${m.id}`, {}, lang), { version: m.version, status }).then(
      refresh,
      (e: unknown) => setError(e instanceof Error ? e : new Error(String(e))),
    );
  };

  return (
    <section className="page meeting" data-testid="meeting">
      <p>
        <a href={routeHash('meetings', {})}>← {t('meetings.title')}</a>
      </p>
      <StatusBox loading={meeting.loading && !m} error={meeting.error ?? error} />
      {m && (
        <>
          <h1>
            {m.title} {!m.title.includes(m.week) && <span className="muted">· {m.week}</span>}
          </h1>
          <p className="muted">
            {t('meetings.createdBy', { who: m.createdBy, when: fmt.instant(m.createdAt, agency.timeZone) })} ·{' '}
            {t(`meetings.state.${m.status}`)}{' '}
            <button
              type="button"
              className="link"
              onClick={() => setStatus(m.status === 'open' ? 'closed' : 'open')}
            >
              {m.status === 'open' ? t('meetings.close') : t('meetings.reopen')}
            </button>
          </p>
          <WeekEndNote week={m.week} />
          {m.units.map((u) => {
            const agenda = m.agenda.filter((a) => a.unitId === u.id);
            const items = m.actionItems.filter(
              (a) =>
                meetingUnitOf(
                  a.unitId,
                  m.units.map((x) => x.id),
                  units,
                ) === u.id,
            );
            return (
              <section key={u.id} className="agenda-unit" data-unit={u.code}>
                <h2>{u.name === u.code ? `${u.level} ${u.code}` : `${u.level} ${u.code} — ${u.name}`}</h2>
                {agenda.length === 0 && <p className="muted">{t('meetings.nothing')}</p>}
                <ul className="agenda">
                  {agenda.map((a) => (
                    <AgendaItemView
                      key={a.id}
                      meetingId={m.id}
                      item={a}
                      onSaved={refresh}
                      onAddAction={() =>
                        setDraft({
                          unit: u.code,
                          agendaItemId: a.kind === 'action_item' ? null : a.id,
                          category: a.category,
                        })
                      }
                    />
                  ))}
                </ul>
                <h3>{t('actions.title')}</h3>
                {items.length > 0 && <ActionItemTable items={items} onSaved={refresh} />}
                {draft?.unit === u.code ? (
                  <NewActionItemForm
                    meetingId={m.id}
                    draft={draft}
                    onDone={() => {
                      setDraft(null);
                      refresh();
                    }}
                    onCancel={() => setDraft(null)}
                  />
                ) : (
                  <button
                    type="button"
                    data-testid="add-action"
                    onClick={() => setDraft({ unit: u.code, agendaItemId: null, category: null })}
                  >
                    {t('actions.add')}
                  </button>
                )}
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}
