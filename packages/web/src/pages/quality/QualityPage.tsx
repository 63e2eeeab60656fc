import { useCallback, useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type { DataQuality, QuarantinePage } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { StatusBox } from '../../components/StatusBox.js';
import { useLang } from '../../i18n/lang-context.js';
import { QualityFigures } from './QualityFigures.js';
import { QuarantineTable } from './QuarantineTable.js';
import { UploadForm } from './UploadForm.js';
import { canImport, useSession } from '../../app/session-context.js';

/**
 * Data-quality page: the figures of /quality and, for those who import (admins, analysts), the
 * quarantined rows and the upload form.
 */
export function QualityPage() {
  const { t, lang } = useLang();
  const importer = canImport(useSession().me.user.role);
  const [version, setVersion] = useState(0);
  const quality = useApi<DataQuality>(apiUrl('/quality', {}, lang), version);
  const quarantine = useApi<QuarantinePage>(
    importer ? apiUrl('/quarantine', { limit: 200 }, lang) : null,
    version,
  );
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return (
    <section className="page">
      <h1>{t('quality.title')}</h1>
      <StatusBox loading={quality.loading && !quality.data} error={quality.error ?? quarantine.error} />
      {quality.data && <QualityFigures q={quality.data} />}
      {importer && (
        <>
          <h2>{t('quality.quarantine')}</h2>
          {quarantine.data && <QuarantineTable page={quarantine.data} />}
          <UploadForm onDone={reload} />
        </>
      )}
    </section>
  );
}
