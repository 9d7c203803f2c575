// The delivery receipt a walk-in citizen takes home, printed A5 from what the server answered
// (the formal Mẫu 01 comes once the dossier is accepted: WalkinAccept, or the console). By now the
// citizen's data is wiped from this device: the receipt is all that is left, and all it needs.
import type { Procedure } from '@hsc/shared/schemas';
import type { DossierRecord } from '../../db/types.ts';
import { localized } from '../../i18n/index.ts';
import { ReceiptFacts } from '../../ui/dossier/ReceiptFacts.tsx';
import { useWalkinT } from './words.ts';

export function WalkinReceipt({ dossier, procedure, unitName }: { dossier: DossierRecord; procedure: Procedure; unitName: string }) {
  const { t, w, lang } = useWalkinT();
  const receipt = dossier.receipt!;
  const slots = [...new Set(receipt.documents.map((d) => d.slot))];
  const label = (key: string) => {
    const s = procedure.documents.find((x) => x.key === key);
    return s ? localized(s.label, lang) : key;
  };
  return (
    <>
      <article className="walkin-print" data-testid="walkin-receipt">
        <p className="walkin-agency">{unitName}</p>
        <h1>{w('receiptTitle')}</h1>
        <p className="walkin-proc-name">{localized(procedure.name, lang)}</p>
        <ReceiptFacts receipt={receipt} />
        <h2>{t('detail.docsReceived')}</h2>
        <ul className="summary-list">
          {slots.map((key) => (
            <li key={key} data-testid="receipt-doc">
              {label(key)}: <strong>{t('local.pages', { count: receipt.documents.filter((d) => d.slot === key).length })}</strong>
            </li>
          ))}
        </ul>
        <p className="small">{w('receiptNote')}</p>
        <p className="small">{t('detail.keepCodes')}</p>
      </article>
      {dossier.wipedAt ? (
        <p className="ok-line small no-print" data-testid="walkin-wiped">
          {w('wiped')}
        </p>
      ) : null}
      <button type="button" className="btn btn-secondary btn-block no-print" data-testid="walkin-print" onClick={() => window.print()}>
        {w('print')}
      </button>
    </>
  );
}
