import { useState, type FormEvent } from 'react';
import { apiUrl, sendJson } from '../../api/client.js';
import type { ActionItemDetail } from '../../api/types.js';
import { useApp } from '../../app/app-context.js';
import { Select } from '../../components/Select.js';
import { StatusBox } from '../../components/StatusBox.js';
import { useLang } from '../../i18n/lang-context.js';

/** What a new action item starts from: the meeting unit and, from an agenda item, its category. */
export interface ActionItemDraft {
  unit: string;
  agendaItemId: number | null;
  category: string | null;
}

/**
 * Adds an action item to a meeting: the unit (the meeting unit or one below it), category, title, owner
 * (blank = the unit's commander) and due date. POST /meetings/{id}/action-items.
 */
export function NewActionItemForm({
  meetingId,
  draft,
  onDone,
  onCancel,
}: {
  meetingId: number;
  draft: ActionItemDraft;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { units, categories } = useApp();
  const { t, lang } = useLang();
  const root = units.find((u) => u.properties.code === draft.unit);
  const below = units.filter(
    (u) => root && u.properties.parent === draft.unit && u.properties.depth === root.properties.depth + 1,
  );
  const [unit, setUnit] = useState(draft.unit);
  const [category, setCategory] = useState(draft.category ?? '');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    sendJson<ActionItemDetail>('POST', apiUrl(`/meetings/${meetingId}/action-items`, {}, lang), {
      unit,
      title,
      agendaItemId: draft.agendaItemId,
      category: category === '' ? null : category,
      owner: { name: owner.trim() === '' ? null : owner.trim(), userId: null },
      dueDate: due === '' ? null : due,
    }).then(onDone, (err: unknown) => {
      setBusy(false);
      setError(err instanceof Error ? err : new Error(String(err)));
    });
  };
  return (
    <form className="panel" onSubmit={submit} data-testid="new-action">
      <div className="controls">
        <Select
          name="unit"
          label={t('common.unit')}
          value={unit}
          options={[root, ...below]
            .filter((u) => u !== undefined)
            .map((u) => ({ value: u.properties.code, label: u.properties.name }))}
          onChange={setUnit}
        />
        <Select
          name="category"
          label={t('common.category')}
          value={category}
          options={[
            { value: '', label: '—' },
            { value: '*', label: t('common.allCategories') },
            ...categories.map((c) => ({ value: c.code, label: c.label })),
          ]}
          onChange={setCategory}
        />
        <label className="field grow">
          <span>{t('actions.what')}</span>
          <input
            name="title"
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('actions.owner')}</span>
          <input
            name="owner"
            maxLength={200}
            placeholder={t('meetings.defaultOwner')}
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('actions.due')}</span>
          <input type="date" name="due" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
      </div>
      <button type="submit" disabled={busy || title.trim() === ''}>
        {t('actions.save')}
      </button>{' '}
      <button type="button" className="link" onClick={onCancel}>
        {t('actions.cancel')}
      </button>
      <StatusBox loading={false} error={error} />
    </form>
  );
}
