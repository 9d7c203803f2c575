// "Cần nộp phí, lệ phí": how much, what for, and how to pay by transfer: the commune's VietQR
// code (any banking app scans it) and the account as text to copy for those who type it in.
// Once an officer marks it paid, one line says so.
import { parseVietQr } from '@hsc/shared/vietqr';
import { lazy, Suspense, useState } from 'react';
import type { DossierRecord } from '../../db/types.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { PaymentProofs } from './PaymentProofs.tsx';

// The QR drawing (`qrcode`) stays out of the first load, as the receipt's does.
const PaymentQr = lazy(() => import('../../trust/PaymentQr.tsx'));

const money = (n: number, lang: string) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');

function CopyLine({ label, value, id }: { label: string; value: string; id: string }) {
  const { t } = useLang();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard (an old browser, or refused): the text stays there to select by hand.
      setCopied(false);
    }
  };
  return (
    <div className="copy-line">
      <dt>{label}</dt>
      <dd>
        <span data-testid={`payment-${id}`}>{value}</span>{' '}
        <button type="button" className="btn btn-small" data-testid={`copy-${id}`} onClick={() => void copy()}>
          {copied ? t('payment.copied') : t('payment.copy')}
        </button>
      </dd>
    </div>
  );
}

export function PaymentPanel({ dossier }: { dossier: DossierRecord }) {
  const { t, lang } = useLang();
  const p = dossier.payment;
  if (!p) return null;
  if (p.paidAt) {
    return (
      <p className="ok-line" data-testid="payment-paid">
        {t('payment.paid', { amount: money(p.amount, lang), at: formatDateTime(p.paidAt) })}
      </p>
    );
  }
  if (dossier.status !== 'financial_requested') return null;
  return (
    <section className="receipt receipt-commune" data-testid="payment-panel" aria-labelledby="payment-title">
      <h2 id="payment-title">{t('payment.title')}</h2>
      <p className="big" data-testid="payment-amount">
        {t('payment.amount', { amount: money(p.amount, lang) })}
      </p>
      {p.purpose ? <p data-testid="payment-purpose">{t('payment.purpose', { purpose: p.purpose })}</p> : null}
      {p.vietqr && p.payee ? (
        <>
          <p>{t('payment.scan')}</p>
          <Suspense fallback={null}>
            <PaymentQr payload={p.vietqr} label={t('payment.qrLabel')} />
          </Suspense>
          <p>{t('payment.orType')}</p>
          <dl className="facts">
            <div>
              <dt>{t('payment.bank')}</dt>
              <dd data-testid="payment-bank">{p.payee.bankName ?? p.payee.bankBin}</dd>
            </div>
            <CopyLine id="account" label={t('payment.account')} value={p.payee.accountNumber} />
            <div>
              <dt>{t('payment.accountName')}</dt>
              <dd data-testid="payment-account-name">{p.payee.accountName}</dd>
            </div>
            <CopyLine id="sum" label={t('payment.sum')} value={String(p.amount)} />
            <CopyLine id="content" label={t('payment.content')} value={parseVietQr(p.vietqr)?.purpose ?? dossier.receipt?.code ?? ''} />
          </dl>
          <PaymentProofs dossier={dossier} />
        </>
      ) : (
        <p data-testid="payment-at-desk">{t('payment.atDesk')}</p>
      )}
    </section>
  );
}
