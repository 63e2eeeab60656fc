import { useState } from 'react';
import { apiUrl, getJson, sendJson } from '../../api/client.js';
import {
  ACTION_ITEM_STATUSES,
  type ActionItem,
  type ActionItemDetail,
  type ActionItemStatus,
} from '../../api/types.js';
import { useApp } from '../../app/app-context.js';
import { routeHash } from '../../app/router.js';
import { StatusBox } from '../../components/StatusBox.js';
import { useLang } from '../../i18n/lang-context.js';
import { ownerText, type Translate } from './agenda-text.js';

/** Action items with their status, owner, due date and notes editable in place, and their history. */
export function ActionItemTable({
  items,
  onSaved,
  showMeeting = false,
}: {
  items: readonly ActionItem[];
  onSaved: () => void;
  showMeeting?: boolean;
}) {
  const { t } = useLang();
  return (
    <div className="table-scroll">
      <table className="actions" data-testid="action-items">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('common.unit')}</th>
            <th scope="col">{t('actions.what')}</th>
            <th scope="col">{t('actions.statusLabel')}</th>
            <th scope="col">{t('actions.owner')}</th>
            <th scope="col">{t('actions.due')}</th>
            <th scope="col">{t('actions.notes')}</th>
            <th scope="col" />
          </tr>
        </thead>
        {items.map((a) => (
          <ActionItemRow key={`${a.id} ${a.version}`} item={a} onSaved={onSaved} showMeeting={showMeeting} />
        ))}
      </table>
    </div>
  );
}

function ActionItemRow({
  item,
  onSaved,
  showMeeting,
}: {
  item: ActionItem;
  onSaved: () => void;
  showMeeting: boolean;
}) {
  const { agency, categories } = useApp();
  const { t, lang, fmt } = useLang();
  const [status, setStatus] = useState<ActionItemStatus>(item.status);
  const [owner, setOwner] = useState(item.owner.name ?? '');
  const [due, setDue] = useState(item.dueDate ?? '');
  const [notes, setNotes] = useState(item.notes);
  const [history, setHistory] = useState<ActionItemDetail['history'] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const changes: Record<string, unknown> = {};
  if (status !== item.status) changes['status'] = status;
  if (owner.trim() !== (item.owner.name ?? '')) {
    changes['owner'] = { name: owner.trim() === '' ? null : owner.trim(), userId: item.owner.userId };
  }
  if (due !== (item.dueDate ?? '')) changes['dueDate'] = due === '' ? null : due;
  if (notes !== item.notes) changes['notes'] = notes;
  const dirty = Object.keys(changes).length > 0;

  const fail = (e: unknown) => {
    setBusy(false);
    setError(e instanceof Error ? e : new Error(String(e)));
  };
  const save = () => {
    setBusy(true);
    setError(null);
    sendJson('PATCH', apiUrl(`/action-items/${item.id}`, {}, lang), {
      version: item.version,
      ...changes,
    }).then(() => {
      setBusy(false);
      setHistory(null);
      onSaved();
    }, fail);
  };
  const toggleHistory = () => {
    if (history) return setHistory(null);
    getJson<ActionItemDetail>(apiUrl(`/action-items/${item.id}`, {}, lang)).then(
      (d) => setHistory(d.history),
      fail,
    );
  };
  const category =
    item.category === null
      ? ''
      : item.category === '*'
        ? t('common.allCategories')
        : (categories.find((c) => c.code === item.category)?.label ?? item.category);
  return (
    <tbody data-item={item.id}>
      <tr className={item.overdue ? 'overdue' : undefined}>
        <td>{item.id}</td>
        <td>{item.unitName === item.unit ? item.unit : `${item.unit} — ${item.unitName}`}</td>
        <td className="wrap">
          {item.title}
          {category && <div className="muted small">{category}</div>}
          {showMeeting && (
            <div className="small">
              <a href={routeHash('meetings', { id: String(item.meetingId) })}>
                {t('actions.fromMeeting', { id: item.meetingId })}
              </a>
            </div>
          )}
        </td>
        <td>
          <select
            name="status"
            aria-label={t('actions.statusLabel')}
            value={status}
            onChange={(e) => setStatus(e.target.value as ActionItemStatus)}
          >
            {ACTION_ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`actions.status.${s}`)}
              </option>
            ))}
          </select>
          {item.overdue && <div className="overdue-flag">{t('actions.overdue')}</div>}
        </td>
        <td>
          <input
            name="owner"
            aria-label={t('actions.owner')}
            value={owner}
            placeholder={ownerText({ name: null, userId: item.owner.userId }, t)}
            onChange={(e) => setOwner(e.target.value)}
          />
        </td>
        <td>
          <input
            type="date"
            name="due"
            aria-label={t('actions.due')}
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
        </td>
        <td>
          <input
            name="notes"
            aria-label={t('actions.notes')}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </td>
        <td>
          <button type="button" onClick={save} disabled={!dirty || busy}>
            {t('actions.save')}
          </button>{' '}
          <button type="button" className="link" onClick={toggleHistory}>
            {t('actions.history')}
          </button>
        </td>
      </tr>
      {(history || error) && (
        <tr>
          <td colSpan={8} className="wrap">
            <StatusBox loading={false} error={error} />
            {history && (
              <ol className="history" data-testid="history">
                {history.map((h) => (
                  <li key={h.seq}>
                    {fmt.instant(h.at, agency.timeZone)} · {h.actor} ·{' '}
                    {changeText(h.field, h.before, h.after, t)}
                  </li>
                ))}
              </ol>
            )}
          </td>
        </tr>
      )}
    </tbody>
  );
}

/** One history entry in words: "created", or "status: open → done". */
function changeText(field: string, before: unknown, after: unknown, t: Translate): string {
  if (field === 'created') return t('actions.created');
  const show = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (field === 'status' && typeof v === 'string') return t(`actions.status.${v}`);
    if (field === 'owner' && typeof v === 'object')
      return ownerText(v as { name: string | null; userId: number | null }, t);
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  return `${t(`actions.field.${field}`)}: ${show(before)} → ${show(after)}`;
}
