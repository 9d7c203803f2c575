// The commune asked for more documents (Mẫu 02): the one clear next step on the dossier page.
// Each item says which document and why; the person adds pages per named slot offline (same
// capture path as the form), presses Send, and the outbox does the rest. Earlier answers stay
// listed: the phone keeps every version it sent.
import type { Procedure, SupplementItem } from '@hsc/shared/schemas';
import { useState } from 'react';
import { listSupplementPages } from '../../db/attachments.ts';
import { listSupplements, queueSupplement, reopenSupplement, retrySupplement, startSupplement } from '../../db/supplements.ts';
import type { DossierRecord, SupplementRecord } from '../../db/types.ts';
import { localized } from '../../i18n/index.ts';
import { requestSync } from '../../sync/client.ts';
import { formatDateTime } from '../format.ts';
import { DocumentSlot } from '../form/DocumentSlot.tsx';
import { useLang } from '../hooks/useLang.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useSendProgress } from '../hooks/useSendProgress.ts';
import { labelForPath } from './labels.ts';

export function SupplementPanel({ dossier, procedure }: { dossier: DossierRecord; procedure: Procedure | null }) {
  const answers = useLiveQuery(() => listSupplements(dossier.id), [dossier.id]);
  if (!answers) return null;
  const request = dossier.supplement;
  const open = request ? answers.find((a) => a.requestId === request.id) : undefined;
  // Asked and not yet held by the commune (an answer waiting in the outbox still shows here).
  const pending = answers.filter((a) => a !== open && ['queued', 'sending', 'attention'].includes(a.state));
  return (
    <>
      {request && open?.state !== 'received' ? <OpenRequest dossier={dossier} procedure={procedure} items={request.items} requestedAt={request.requestedAt} answer={open} /> : null}
      {pending.map((a) => (
        <OpenRequest key={a.id} dossier={dossier} procedure={procedure} items={a.items} requestedAt={a.requestedAt} answer={a} />
      ))}
    </>
  );
}

function OpenRequest({
  dossier,
  procedure,
  items,
  requestedAt,
  answer,
}: {
  dossier: DossierRecord;
  procedure: Procedure | null;
  items: SupplementItem[];
  requestedAt: string;
  answer: SupplementRecord | undefined;
}) {
  const { t, lang } = useLang();
  const [showMissing, setShowMissing] = useState(false);
  const [busy, setBusy] = useState(0);
  const pages = useLiveQuery(() => (answer ? listSupplementPages(answer.id) : Promise.resolve([])), [answer?.id]);
  const progress = useSendProgress(dossier.id);
  const slotOf = (key?: string) => (key ? procedure?.documents.find((s) => s.key === key) : undefined);
  // The slots the request names, once each, in the request's order.
  const slots = [...new Set(items.map((i) => i.slot).filter((s): s is string => !!s && !!slotOf(s)))];
  const missing = slots.filter((s) => !pages?.some((p) => p.slot === s));
  const name = (key: string) => (slotOf(key) ? localized(slotOf(key)!.label, lang) : key);

  const start = async () => {
    if (dossier.supplement) await startSupplement(dossier.id, dossier.supplement);
  };
  const send = async () => {
    if (!answer || busy) return;
    if (missing.length) return setShowMissing(true);
    await queueSupplement(answer.id);
    requestSync(true);
  };

  return (
    <section className="attention supplement" data-testid="supplement-panel" data-state={answer?.state ?? 'new'} aria-labelledby="supp-title">
      <h2 id="supp-title">{t('supplement.title')}</h2>
      <p className="muted small">{t('supplement.requestedAt', { time: formatDateTime(requestedAt) })}</p>
      <p>{t('supplement.intro')}</p>
      <ol className="summary-list">
        {items.map((item, i) => (
          <li key={i} data-testid="supplement-item" data-slot={item.slot ?? ''}>
            <strong>{item.slot && slotOf(item.slot) ? name(item.slot) : item.label}</strong>
            {item.slot && slotOf(item.slot) && item.label !== name(item.slot) ? <span> ({item.label})</span> : null}
            <br />
            <span>{t('supplement.why', { reason: item.reason })}</span>
            {!item.slot || !slotOf(item.slot) ? <span className="muted small"> {t('supplement.atDesk')}</span> : null}
          </li>
        ))}
      </ol>

      {!answer ? (
        <button type="button" className="btn btn-primary btn-block" data-testid="supplement-start" onClick={() => void start()}>
          {t('supplement.start')}
        </button>
      ) : answer.state === 'draft' ? (
        <>
          {slots.map((key) => (
            <DocumentSlot
              key={key}
              slot={slotOf(key)!}
              dossierId={dossier.id}
              supplementId={answer.id}
              pages={(pages ?? []).filter((p) => p.slot === key)}
              error={showMissing && missing.includes(key) ? t('supplement.missingPages', { names: name(key) }) : undefined}
              onBusy={(b) => setBusy((n) => n + (b ? 1 : -1))}
            />
          ))}
          {showMissing && missing.length ? (
            <p className="error" role="alert" data-testid="supplement-missing">
              {t('supplement.missingPages', { names: missing.map(name).join(', ') })}
            </p>
          ) : null}
          <button type="button" className="btn btn-primary btn-block" data-testid="supplement-send" disabled={busy > 0} onClick={() => void send()}>
            {t('supplement.send')}
          </button>
        </>
      ) : answer.state === 'attention' ? (
        <div role="alert" data-testid="supplement-attention">
          <h3>{t('supplement.attention')}</h3>
          <p>
            {answer.lastError?.code === 'conflict' || answer.lastError?.code === 'invalid'
              ? t(`supplement.reason.${answer.lastError.code}`)
              : t(`detail.reason.${answer.lastError?.code ?? 'rejected'}`, { message: answer.lastError?.message ?? '' })}
          </p>
          {answer.lastError?.fields?.length ? (
            <ul className="summary-list">
              {answer.lastError.fields.map((f) => (
                <li key={f.path}>
                  <strong>{labelForPath(f.path, procedure, t, lang)}</strong>: {t(`errors.${f.code}` as 'errors.required', { defaultValue: f.message })}
                </li>
              ))}
            </ul>
          ) : null}
          {answer.lastError?.code === 'invalid' ? (
            <button type="button" className="btn btn-primary btn-block" onClick={() => void reopenSupplement(answer.id)}>
              {t('supplement.edit')}
            </button>
          ) : null}
          <button type="button" className="btn btn-secondary btn-block" onClick={() => void retrySupplement(answer.id).then(() => requestSync(true))}>
            {t('detail.retry')}
          </button>
        </div>
      ) : (
        <div className="progress-box" role="status" data-testid="supplement-sending">
          <p>{progress?.phase === 'uploading' ? t('detail.uploading', { file: progress.file, files: progress.files, percent: progress.filePercent }) : t('supplement.sending')}</p>
        </div>
      )}
    </section>
  );
}

/** What the phone sent in answer to earlier requests: kept, listed below the receipt. */
export function SupplementHistory({ dossierId }: { dossierId: string }) {
  const { t } = useLang();
  const answers = useLiveQuery(async () => (await listSupplements(dossierId)).filter((a) => a.state === 'received' && a.receipt), [dossierId]);
  if (!answers?.length) return null;
  return (
    <section className="receipt" data-testid="supplement-history">
      <h3>{t('supplement.history')}</h3>
      <ul className="summary-list">
        {answers.map((a) => (
          <li key={a.id} data-testid="supplement-sent">
            {t('supplement.historyItem', { time: formatDateTime(a.receipt!.receivedAt), count: a.receipt!.documents.length })}
          </li>
        ))}
      </ul>
    </section>
  );
}
