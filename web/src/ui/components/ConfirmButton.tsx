import { useState } from 'react';
import { useLang } from '../hooks/useLang.ts';

/** A destructive action asks once, in place, instead of a browser dialog. */
export function ConfirmButton({ label, question, onConfirm, testId }: { label: string; question: string; onConfirm: () => void | Promise<void>; testId?: string }) {
  const { t } = useLang();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="btn btn-ghost btn-danger btn-block" data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-label={question}>
      <p>{question}</p>
      <div className="row">
        <button type="button" className="btn btn-danger-solid" data-testid={testId ? `${testId}-yes` : undefined} onClick={() => void onConfirm()}>
          {t('detail.confirmYes')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => setAsking(false)}>
          {t('detail.cancel')}
        </button>
      </div>
    </div>
  );
}
