// The commune's receipt (Mẫu 01 in short): dossier code, lookup code, received and due times in
// Vietnamese time, the documents the commune holds.
import type { Procedure, Receipt } from '@hsc/shared/schemas';
import { lazy, Suspense, useRef } from 'react';
import { localized } from '../../i18n/index.ts';
import { ReadAloud } from '../components/ReadAloud.tsx';
import { useLang } from '../hooks/useLang.ts';
import { Link } from '../router.tsx';
import { ReceiptFacts } from './ReceiptFacts.tsx';

// Trust issue: the signed receipt's QR, save/share/print and the notification offer (lazy: qrcode).
const ReceiptTrust = lazy(() => import('../../trust/ReceiptTrust.tsx'));

export function CommuneReceipt({ receipt, procedure, dueAt }: { receipt: Receipt; procedure: Procedure | null; dueAt?: string }) {
  const { t, lang } = useLang();
  const spoken = useRef<HTMLDivElement>(null);
  const slotKeys = [...new Set(receipt.documents.map((d) => d.slot))];
  const order = (key: string) => procedure?.documents.findIndex((s) => s.key === key) ?? 0;
  slotKeys.sort((a, b) => order(a) - order(b));
  const label = (key: string) => {
    const s = procedure?.documents.find((x) => x.key === key);
    return s ? localized(s.label, lang) : key;
  };
  return (
    <section className="receipt receipt-commune" data-testid="commune-receipt" aria-labelledby="commune-receipt-title">
      <h2 id="commune-receipt-title">{t('detail.communeTitle')}</h2>
      <ReadAloud from={spoken} testId="read-receipt" />
      <div ref={spoken}>
        <ReceiptFacts receipt={receipt} dueAt={dueAt} />
        {/* A resubmission's receipt lists only the pages added then. */}
        <h3>{receipt.supplementId ? t('detail.docsSupplement') : t('detail.docsReceived')}</h3>
        <ul className="summary-list">
          {slotKeys.map((key) => (
            <li key={key} data-testid="receipt-doc">
              {label(key)}: <strong>{t('local.pages', { count: receipt.documents.filter((d) => d.slot === key).length })}</strong>
            </li>
          ))}
        </ul>
      </div>
      <p className="muted small">{t('detail.keepCodes')}</p>
      <Suspense fallback={null}>
        <ReceiptTrust receipt={receipt} Link={Link} />
      </Suspense>
    </section>
  );
}
