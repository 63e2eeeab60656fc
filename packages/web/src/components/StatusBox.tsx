import { ApiError } from '../api/client.js';
import { useLang } from '../i18n/lang-context.js';

/** Loading indicator, or an error message (catalogued API errors come in the dashboard language). */
export function StatusBox({ loading, error }: { loading: boolean; error: Error | null }) {
  const { t } = useLang();
  if (error) {
    const id =
      error instanceof ApiError && error.requestId
        ? ` (${t('common.requestId', { id: error.requestId })})`
        : '';
    return (
      <p className="status error" role="alert">
        {t('common.error', { message: error.message })}
        {id}
      </p>
    );
  }
  if (loading) return <p className="status">{t('common.loading')}</p>;
  return null;
}
