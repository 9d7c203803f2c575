// Refuse (Mẫu 03, one or more reasons) and stop (leader, one reason): both end the dossier,
// so both ask once more before sending.
import { useState } from 'react';
import { useStaffT } from '../i18n/index.ts';
import { ActionForm, type ActionCtx } from './ActionForm.tsx';

export function RefuseForm({ ctx }: { ctx: ActionCtx }) {
  const { t } = useStaffT();
  const [reasons, setReasons] = useState(['']);
  const build = () => {
    const given = reasons.map((r) => r.trim()).filter(Boolean);
    return given.length ? { action: 'refuse' as const, reasons: given } : { problem: t('actions.refuse.needOne') };
  };
  return (
    <ActionForm ctx={ctx} action="refuse" intro={t('actions.refuse.intro')} question={t('actions.refuse.question')} build={build}>
      {reasons.map((r, i) => (
        <label key={i} className="field">
          <span className="label">{t('actions.refuse.reason', { n: i + 1 })}</span>
          <textarea
            className="input"
            rows={2}
            data-testid={`refuse-reason-${i}`}
            value={r}
            onChange={(e) => setReasons((all) => all.map((x, j) => (j === i ? e.target.value : x)))}
          />
        </label>
      ))}
      <button type="button" className="btn btn-secondary" onClick={() => setReasons((all) => [...all, ''])}>
        {t('actions.refuse.add')}
      </button>
    </ActionForm>
  );
}

export function StopForm({ ctx }: { ctx: ActionCtx }) {
  const { t } = useStaffT();
  const [reason, setReason] = useState('');
  const build = () => (reason.trim() ? { action: 'stop' as const, reason: reason.trim() } : { problem: t('actions.stop.needReason') });
  return (
    <ActionForm ctx={ctx} action="stop" question={t('actions.stop.question')} build={build}>
      <label className="field">
        <span className="label">{t('actions.stop.reason')}</span>
        <textarea className="input" rows={3} data-testid="stop-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </ActionForm>
  );
}
