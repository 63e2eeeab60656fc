import { useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type { ActionItemList } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { StatusBox } from '../../components/StatusBox.js';
import { useLang } from '../../i18n/lang-context.js';
import { ActionItemTable } from '../meetings/ActionItemTable.js';

/**
 * "My action items": what the signed-in user owes (items owned by them, and for a commander the items of
 * their unit left to its commander), open and in progress, then the overdue items of the units they
 * may see.
 */
export function ActionItemsPage() {
  const { t, lang, fmt } = useLang();
  const [reload, setReload] = useState(0);
  const refresh = () => setReload((n) => n + 1);
  const mine = useApi<ActionItemList>(apiUrl('/action-items/mine', {}, lang), reload);
  const overdue = useApi<ActionItemList>(apiUrl('/action-items/overdue', {}, lang), reload);
  return (
    <section className="page">
      <h1>{t('actions.mine')}</h1>
      {mine.data && <p className="muted">{t('actions.today', { date: fmt.date(mine.data.today) })}</p>}
      <StatusBox loading={mine.loading && !mine.data} error={mine.error} />
      {mine.data &&
        (mine.data.items.length === 0 ? (
          <p>{t('actions.nothingOwed')}</p>
        ) : (
          <ActionItemTable items={mine.data.items} onSaved={refresh} showMeeting={true} />
        ))}
      <h2>{t('actions.overdueTitle')}</h2>
      <StatusBox loading={overdue.loading && !overdue.data} error={overdue.error} />
      {overdue.data &&
        (overdue.data.items.length === 0 ? (
          <p>{t('actions.noneOverdue')}</p>
        ) : (
          <ActionItemTable items={overdue.data.items} onSaved={refresh} showMeeting={true} />
        ))}
    </section>
  );
}
