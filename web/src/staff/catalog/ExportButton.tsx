// The whole catalog as one file (the format import reads), to keep, review or load elsewhere.
import { useState } from 'react';
import { saveFile } from '../../ui/download.ts';
import { exportCatalog } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useStaffT } from '../i18n/index.ts';

export const EXPORT_FILE_NAME = 'hosocong-catalog.json';

export function ExportButton() {
  const { t } = useStaffT();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ ok: boolean; text: string }>();
  const run = async () => {
    setBusy(true);
    setSaid(undefined);
    try {
      const file = await exportCatalog();
      saveFile(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }), EXPORT_FILE_NAME);
      setSaid({ ok: true, text: t('catalog.list.exported', { name: EXPORT_FILE_NAME }) });
    } catch (e) {
      setSaid({ ok: false, text: errorText(t, e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-secondary" data-testid="export-catalog" disabled={busy} onClick={() => void run()}>
        {busy ? t('catalog.list.exporting') : t('catalog.list.export')}
      </button>
      {said ? (
        <span className={said.ok ? 'small' : 'serror'} role="status" data-testid="export-result">
          {said.text}
        </span>
      ) : null}
    </>
  );
}
