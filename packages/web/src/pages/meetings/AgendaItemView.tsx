import { useState } from 'react';
import { apiUrl, sendJson } from '../../api/client.js';
import type { AgendaItem } from '../../api/types.js';
import { useApp } from '../../app/app-context.js';
import { StatusBox } from '../../components/StatusBox.js';
import { useLang } from '../../i18n/lang-context.js';
import { figuresText } from './agenda-text.js';

/** One agenda item: why it is there, its figures, and the notes taken on it (saved on request). */
export function AgendaItemView({
  meetingId,
  item,
  onSaved,
  onAddAction,
}: {
  meetingId: number;
  item: AgendaItem;
  onSaved: () => void;
  onAddAction: () => void;
}) {
  const { categories, agency } = useApp();
  const { t, lang, fmt } = useLang();
  const [notes, setNotes] = useState(item.notes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const category =
    item.category === null
      ? null
      : item.category === '*'
        ? t('common.allCategories')
        : (categories.find((c) => c.code === item.category)?.label ?? item.category);
  const save = () => {
    setBusy(true);
    setError(null);
    sendJson('PUT', apiUrl(`/meetings/${meetingId}/agenda/${item.id}/notes`, {}, lang), { notes }).then(
      () => {
        setBusy(false);
        onSaved();
      },
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof Error ? e : new Error(String(e)));
      },
    );
  };
  return (
    <li
      className={`agenda-item ${item.kind === 'significant_increase' ? 'sig-up' : ''}`}
      data-kind={item.kind}
    >
      <div>
        <strong>{t(`meetings.kind.${item.kind}`)}</strong>
        {category && <> — {category}</>}
      </div>
      <div className="figures">{figuresText(item, t, fmt)}</div>
      <div className="notes">
        <textarea
          name="notes"
          aria-label={t('meetings.notes')}
          placeholder={t('meetings.notes')}
          value={notes}
          maxLength={10000}
          onChange={(e) => setNotes(e.target.value)}
        />
        <button type="button" onClick={save} disabled={busy || notes === item.notes}>
          {t('meetings.saveNotes')}
        </button>
        <button type="button" className="link" onClick={onAddAction}>
          {t('actions.addFor')}
        </button>
        {item.notesBy && item.notesAt && (
          <span className="muted small">
            {t('meetings.notesBy', { who: item.notesBy, when: fmt.instant(item.notesAt, agency.timeZone) })}
          </span>
        )}
      </div>
      <StatusBox loading={false} error={error} />
    </li>
  );
}
