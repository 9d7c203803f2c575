// The actions with little or nothing to fill in: start processing, fee requested, fee paid,
// result returned (which ends the dossier, so it asks once more).
import { useState } from 'react';
import { useStaffT } from '../i18n/index.ts';
import { ActionForm, type ActionCtx } from './ActionForm.tsx';

/** An amount in đồng as typed: people write "50.000" or "50 000", the digits are the amount. */
function vndOf(text: string): number | null {
  const digits = text.replace(/[\s.,]/g, '');
  return /^\d{1,10}$/.test(digits) ? Number(digits) : null;
}

export function StartProcessingForm({ ctx }: { ctx: ActionCtx }) {
  const { t } = useStaffT();
  return <ActionForm ctx={ctx} action="start_processing" intro={t('actions.simple.start_processing')} build={() => ({ action: 'start_processing' })} />;
}

/** What was received and the bank's reference, so the fee can be reconciled with the statement. */
export function PaymentReceivedForm({ ctx }: { ctx: ActionCtx }) {
  const { t } = useStaffT();
  const [amount, setAmount] = useState(ctx.dossier.payment ? String(ctx.dossier.payment.amount) : '');
  const [reference, setReference] = useState('');
  const build = () => {
    const vnd = vndOf(amount);
    if (vnd === null) return { problem: t('actions.payment.needAmount') };
    return { action: 'payment_received' as const, amount: vnd, ...(reference.trim() ? { reference: reference.trim() } : {}) };
  };
  return (
    <ActionForm ctx={ctx} action="payment_received" intro={t('actions.simple.payment_received')} build={build}>
      <label className="field">
        <span className="label">{t('actions.payment.received')}</span>
        <input className="input" inputMode="numeric" data-testid="paid-amount" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </label>
      <label className="field">
        <span className="label">{t('actions.payment.reference')}</span>
        <input className="input" data-testid="paid-reference" value={reference} onChange={(e) => setReference(e.target.value)} />
      </label>
    </ActionForm>
  );
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
    const vnd = vndOf(amount);
    if (vnd === null) return { problem: t('actions.payment.needAmount') };
    return { action: 'request_payment' as const, amount: vnd, ...(note.trim() ? { note: note.trim() } : {}) };
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
