// "Save the dossier to a file": a copy the person can keep, or open on another phone. The
// export code (and zod, for the format) loads only when the button is pressed.
import { useState } from 'react';
import { useLang } from '../hooks/useLang.ts';
import { saveFile } from '../download.ts';

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; fileName: string } | { kind: 'failed' };

export function ExportButton({
  dossierId,
  className = 'btn-secondary',
  prepare,
}: {
  dossierId: string;
  className?: string;
  /** Writes what is still on screen only (a draft's last keystrokes) before the file is made. */
  prepare?: () => Promise<void>;
}) {
  const { t } = useLang();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const run = async () => {
    setOutcome({ kind: 'busy' });
    try {
      await prepare?.();
      const { exportDossier } = await import('../../transfer/export.ts');
      const { blob, fileName } = await exportDossier(dossierId);
      saveFile(blob, fileName);
      setOutcome({ kind: 'done', fileName });
    } catch (e) {
      console.error('export failed', e);
      setOutcome({ kind: 'failed' });
    }
  };
  return (
    <div className="export">
      <button type="button" className={`btn ${className} btn-block`} data-testid="export-dossier" disabled={outcome.kind === 'busy'} onClick={() => void run()}>
        {t('transfer.export')}
      </button>
      {outcome.kind === 'done' ? (
        <p className="ok-line" role="status" data-testid="export-done">
          {t('transfer.exported', { file: outcome.fileName })}
        </p>
      ) : outcome.kind === 'failed' ? (
        <p className="error" role="alert">
          {t('transfer.exportFailed')}
        </p>
      ) : (
        <p className="muted small">{t('transfer.exportHint')}</p>
      )}
    </div>
  );
}
