// The fee notice: Mẫu 01 is issued at acceptance, before any fee is known, so a fee requested
// later gets its own printable notice with the very VietQR code the phone and /tra-cuu show
// (built once by the server), the amount, what for and the account as text.
import type { DeskDossier } from '@hsc/shared/desk';
import { parseVietQr } from '@hsc/shared/vietqr';
import { useEffect, useState } from 'react';
import { useStaffT } from '../i18n/index.ts';
import { QR_OPTIONS } from '../print/Qr.tsx';
import { AdoptedStyles } from '../../ui/components/AdoptedStyles.tsx';

// Printing shows the notice alone (the rest of the dossier screen stays on the desk).
const PRINT_CSS =
  '@media print{body.print-fee .smain *{visibility:hidden}body.print-fee .fee-notice,body.print-fee .fee-notice *{visibility:visible}' +
  'body.print-fee .fee-notice{position:absolute;left:0;top:0;width:148mm;border:0}}.fee-qr svg{width:40mm;height:40mm}';

export function FeeNotice({ dossier: d, unitName }: { dossier: DeskDossier; unitName?: string }) {
  const { t } = useStaffT();
  const p = d.payment;
  const [svg, setSvg] = useState<string>();
  useEffect(() => {
    if (!p?.vietqr) return;
    let live = true;
    void import('../print/qrcode.ts')
      .then((m) => m.toString(p.vietqr!, QR_OPTIONS))
      .then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [p?.vietqr]);
  if (!p || p.paidAt || d.status !== 'financial_requested') return null;

  const print = () => {
    document.body.classList.add('print-fee');
    window.print();
    document.body.classList.remove('print-fee');
  };
  const content = p.vietqr ? parseVietQr(p.vietqr)?.purpose : undefined;
  return (
    <section className="scard fee-notice" data-testid="fee-notice" aria-labelledby="fee-notice-title">
      <AdoptedStyles css={PRINT_CSS} />
      <h2 id="fee-notice-title">{t('feeNotice.title')}</h2>
      {unitName ? <p>{unitName}</p> : null}
      <p>{t('feeNotice.dossier', { code: d.code })}</p>
      <p>
        <strong data-testid="fee-amount">{t('feeNotice.amount', { amount: p.amount.toLocaleString('vi-VN') })}</strong>
      </p>
      {p.note ? <p data-testid="fee-purpose">{t('feeNotice.purpose', { purpose: p.note })}</p> : null}
      {p.vietqr && p.payee ? (
        <>
          <figure className="fee-qr" data-testid="fee-qr" data-text={p.vietqr} role="img" aria-label={t('feeNotice.scan')}>
            {svg ? <span dangerouslySetInnerHTML={{ __html: svg }} /> : null}
            <figcaption className="small">{t('feeNotice.scan')}</figcaption>
          </figure>
          <dl className="facts" data-testid="fee-account">
            <dt>{t('feeNotice.bank')}</dt>
            <dd>{p.payee.bankName ?? p.payee.bankBin}</dd>
            <dt>{t('feeNotice.account')}</dt>
            <dd>{p.payee.accountNumber}</dd>
            <dt>{t('feeNotice.accountName')}</dt>
            <dd>{p.payee.accountName}</dd>
            {content ? (
              <>
                <dt>{t('feeNotice.content')}</dt>
                <dd>{content}</dd>
              </>
            ) : null}
          </dl>
        </>
      ) : (
        <p>{t('feeNotice.atDesk')}</p>
      )}
      <button type="button" className="btn btn-secondary staff-chrome" data-testid="fee-print" onClick={print}>
        {t('feeNotice.print')}
      </button>
    </section>
  );
}
