// "I have paid": the person sends a photo of the transfer (a screenshot of the banking app or a
// photo of the bank's slip) so the commune can match the money quickly. One tap, one photo: it is
// saved on the phone at once and sent by the outbox when there is a network, like any page.
import { useRef, useState, type ChangeEvent } from 'react';
import { addFiles, type CaptureProblem } from '../../capture/capture.ts';
import { addPaymentProof, listPaymentProofs, retryPaymentProof } from '../../db/payment-proofs.ts';
import type { DossierRecord, PaymentProofRecord } from '../../db/types.ts';
import { requestSync } from '../../sync/client.ts';
import { Icon } from '../components/Icon.tsx';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';

function ProofLine({ proof }: { proof: PaymentProofRecord }) {
  const { t } = useLang();
  if (proof.state === 'received' && proof.receipt) {
    return (
      <li className="ok-line" data-testid="proof-received">
        {t('payment.proof.received', { at: formatDateTime(proof.receipt.receivedAt) })}
      </li>
    );
  }
  if (proof.state === 'attention') {
    return (
      <li role="alert" data-testid="proof-attention">
        <p>{t('payment.proof.attention', { message: proof.lastError?.message ?? '' })}</p>
        <button type="button" className="btn btn-secondary" onClick={() => void retryPaymentProof(proof.id).then(() => requestSync(true))}>
          {t('detail.retry')}
        </button>
      </li>
    );
  }
  return (
    <li role="status" data-testid="proof-waiting">
      {t('payment.proof.waiting')}
    </li>
  );
}

export function PaymentProofs({ dossier }: { dossier: DossierRecord }) {
  const { t } = useLang();
  const input = useRef<HTMLInputElement>(null);
  const [adding, setAdding] = useState(false);
  const [problems, setProblems] = useState<CaptureProblem[]>([]);
  const proofs = useLiveQuery(() => listPaymentProofs(dossier.id), [dossier.id]);

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(e.target.files ?? []);
    if (picked.length === 0) return;
    setAdding(true);
    try {
      const result = await addFiles(dossier.id, 'payment', picked, 1, { save: addPaymentProof });
      setProblems(result.problems);
      if (result.added > 0) requestSync(true);
    } finally {
      setAdding(false);
      e.target.value = '';
    }
  };

  return (
    <div className="payment-proofs" data-testid="payment-proofs">
      <h3>{t('payment.proof.title')}</h3>
      <p>{t('payment.proof.intro')}</p>
      {proofs?.length ? (
        <ul className="summary-list">
          {proofs.map((p) => (
            <ProofLine key={p.id} proof={p} />
          ))}
        </ul>
      ) : null}
      <button type="button" className="btn btn-secondary btn-block" disabled={adding} data-testid="proof-add" onClick={() => input.current?.click()}>
        <Icon name="camera" />
        {proofs?.length ? t('payment.proof.another') : t('payment.proof.add')}
      </button>
      <input ref={input} className="visually-hidden" tabIndex={-1} aria-hidden="true" type="file" accept="image/*" data-testid="proof-input" onChange={(e) => void onPick(e)} />
      {adding ? (
        <p className="muted small" role="status">
          {t('form.adding')}
        </p>
      ) : null}
      {problems.map((p, i) => (
        <p key={i} className="error" role="alert" data-testid="proof-problem" data-reason={p.reason}>
          {t(`form.${p.reason}`, { name: p.fileName, max: p.maxMb ?? 20 })}
        </p>
      ))}
    </div>
  );
}
