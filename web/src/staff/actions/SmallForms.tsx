// The actions with little or nothing to fill in: start processing, fee requested, fee paid,
// result returned (which ends the dossier, so it asks once more).
import { useState } from 'react';
import { useStaffT } from '../i18n/index.ts';
import { ActionForm, type ActionCtx } from './ActionForm.tsx';

export function StartProcessingForm({ ctx }: { ctx: ActionCtx }) {
  const { t } = useStaffT();
  return <ActionForm ctx={ctx} action="start_processing" intro={t('actions.simple.start_processing')} build={() => ({ action: 'start_processing' })} />;
}

export function PaymentReceivedForm({ ctx }: { ctx: ActionCtx }) {
  const { t } = useStaffT();
  return <ActionForm ctx={ctx} action="payment_received" intro={t('actions.simple.payment_received')} build={() => ({ action: 'payment_received' })} />;
}

export function ReturnResultForm({ ctx }: { ctx: ActionCtx }) {
  const { t } = useStaffT();
  return <ActionForm ctx={ctx} action="return_result" question={t('actions.returnResult.question')} build={() => ({ action: 'return_result' })} />;
}

export function PaymentForm({ ctx }: { ctx: ActionCtx }) {
  const { t } = useStaffT();
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const build = () => {
    // People type "50.000" or "50 000": the digits are the amount.
    const digits = amount.replace(/[\s.,]/g, '');
    if (!/^\d{1,10}$/.test(digits)) return { problem: t('actions.payment.needAmount') };
    return { action: 'request_payment' as const, amount: Number(digits), ...(note.trim() ? { note: note.trim() } : {}) };
  };
  return (
    <ActionForm ctx={ctx} action="request_payment" build={build}>
      <label className="field">
        <span className="label">{t('actions.payment.amount')}</span>
        <input className="input" inputMode="numeric" data-testid="payment-amount" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </label>
      <label className="field">
        <span className="label">{t('actions.payment.note')}</span>
        <input className="input" data-testid="payment-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
    </ActionForm>
  );
}
