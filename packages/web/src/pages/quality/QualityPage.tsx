import { useCallback, useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type { DataQuality, QuarantinePage } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { StatusBox } from '../../components/StatusBox.js';
import { useLang } from '../../i18n/lang-context.js';
import { QualityFigures } from './QualityFigures.js';
import { QuarantineTable } from './QuarantineTable.js';
import { UploadForm } from './UploadForm.js';
import { useApp } from '../../app/app-context.js';
import { canImport, useSession } from '../../app/session-context.js';

/**
 * Data-quality page: the figures of /quality and, for those who import (admins, analysts), the
 * quarantined rows (all, or those of one import opened from an upload's summary) and the upload form.
 * An upload that ends tells the app the data changed, so this page and the agency load again.
 */
export function QualityPage() {
  const { t, lang } = useLang();
  const { dataVersion, dataChanged } = useApp();
  const importer = canImport(useSession().me.user.role);
  const [only, setOnly] = useState<{ importId: number; file: string } | null>(null);
  const quality = useApi<DataQuality>(apiUrl('/quality', {}, lang), dataVersion);
  const quarantine = useApi<QuarantinePage>(
    importer ? apiUrl('/quarantine', { limit: 200, importId: only?.importId }, lang) : null,
    dataVersion,
  );
  const showQuarantine = useCallback((importId: number, file: string) => {
    setOnly({ importId, file });
    document.getElementById('quarantine')?.scrollIntoView();
  }, []);
  return (
    <section className="page">
      <h1>{t('quality.title')}</h1>
      <StatusBox loading={quality.loading && !quality.data} error={quality.error ?? quarantine.error} />
      {quality.data && <QualityFigures q={quality.data} />}
      {importer && (
        <>
          <h2 id="quarantine">
            {only
              ? t('quality.quarantineOf', { file: only.file, importId: only.importId })
              : t('quality.quarantine')}
          </h2>
          {only && (
            <button type="button" className="link" onClick={() => setOnly(null)}>
              {t('quality.showAll')}
            </button>
          )}
          {quarantine.data && <QuarantineTable page={quarantine.data} />}
          <UploadForm onDone={dataChanged} onShowQuarantine={showQuarantine} />
        </>
      )}
    </section>
  );
}
