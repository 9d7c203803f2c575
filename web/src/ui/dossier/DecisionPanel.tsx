// What the commune decided, why, what to do next and by when, in plain words, from what the
// phone kept at the last sync: it shows offline. A supplement request has its own panel (with
// the pages to add), a ready result its download, a fee its payment panel; this one tells the
// rest: a refusal's reasons (Mẫu 03), an apology with its new date (Mẫu 04), a stop, an
// acceptance with its due date.
import type { DossierDecision } from '@hsc/shared/schemas';
import type { DossierRecord } from '../../db/types.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';

function Lines({ d }: { d: DossierDecision }) {
  const { t } = useLang();
  const date = (iso: string | undefined) => (iso ? formatDateTime(iso) : '');
  switch (d.kind) {
    case 'refused':
      return (
        <>
          <p>
            <strong>{t('decision.refused')}</strong>
          </p>
          <ul data-testid="decision-reasons">
            {(d.reasons ?? []).map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
          <p>{t('decision.refusedNext')}</p>
        </>
      );
    case 'rescheduled':
      return (
        <>
          <p>
            <strong>{t('decision.rescheduled')}</strong>
          </p>
          {d.reason ? <p>{t('decision.rescheduledReason', { reason: d.reason })}</p> : null}
          <p>
            <strong>{t('decision.newDue', { date: date(d.newDueAt) })}</strong>
          </p>
          {d.previousDueAt ? <p className="muted small">{t('decision.previousDue', { date: date(d.previousDueAt) })}</p> : null}
        </>
      );
    case 'stopped':
      return (
        <>
          <p>
            <strong>{t('decision.stopped', { reason: d.reason ?? '' })}</strong>
          </p>
          <p>{t('decision.stoppedNext')}</p>
        </>
      );
    case 'accepted':
      return <p>{t('decision.accepted', { date: date(d.dueAt) })}</p>;
    default:
      return null;
  }
}

/** Shown for the decisions no other panel tells; nothing otherwise. */
export function DecisionPanel({ dossier }: { dossier: DossierRecord }) {
  const d = dossier.decision;
  if (!d || d.kind === 'supplement' || d.kind === 'result' || d.kind === 'payment') return null;
  return (
    <section className="receipt receipt-commune" data-testid="decision-panel" data-decision={d.kind} role="status">
      <Lines d={d} />
    </section>
  );
}
