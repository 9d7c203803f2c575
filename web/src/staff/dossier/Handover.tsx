// Who holds the dossier, handing it on (to a specialist, back to the desk, on to the leader:
// the server lists whom the signed-in staff member may choose), its steps through the unit, and
// the way to Mẫu 05. Only the holder acts; the others read, and are told who holds it.
import type { DeskDossier } from '@hsc/shared/desk';
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';
import { handOver } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useStaffT } from '../i18n/index.ts';
import { staffPaths } from '../routes.ts';

/** The name of whoever holds it, or null when the viewer may act (they hold it, or the desk does). */
export function heldByOther(d: DeskDossier): string | null {
  const h = d.handover;
  return h?.holder && !h.mine ? h.holder.name : null;
}

export function HandoverPanel({ dossier: d, onHanded }: { dossier: DeskDossier; onHanded: (after: DeskDossier, to: string) => void }) {
  const { t } = useStaffT();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const h = d.handover;
  if (!h) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const recipient = h.recipients.find((r) => r.id === to);
    if (!recipient) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await handOver(d.id, { to, ...(note.trim() ? { note: note.trim() } : {}) });
      setOpen(false);
      setTo('');
      setNote('');
      onHanded(answer.dossier, recipient.name);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="scard" aria-labelledby="handover-title" data-testid="handover">
      <h2 id="handover-title">{t('handover.title')}</h2>
      <p data-testid="holder" data-mine={h.mine || undefined}>
        {t('handover.holder', { name: h.holder?.name ?? t('handover.desk') })}
        {h.mine ? <span className="muted small"> · {t('handover.mine')}</span> : null}
      </p>
      {h.recipients.length && !open ? (
        <button type="button" className="btn btn-secondary" data-testid="handover-open" onClick={() => setOpen(true)}>
          {t('handover.forward')}
        </button>
      ) : null}
      {open ? (
        <form className="aform" onSubmit={(e) => void submit(e)} data-testid="handover-form">
          <label className="field">
            <span>{t('handover.to')}</span>
            <select className="input" value={to} onChange={(e) => setTo(e.target.value)} data-testid="handover-to" required>
              <option value="">{t('handover.choose')}</option>
              {h.recipients.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.specialist ? t('handover.specialist') : t(`role.${r.role}`)})
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('handover.note')}</span>
            <input className="input" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} data-testid="handover-note" />
          </label>
          {error ? (
            <p className="serror" role="alert">
              {error}
            </p>
          ) : null}
          <div className="row">
            <button type="submit" className="btn btn-primary" disabled={busy || !to} data-testid="handover-send">
              {t('handover.send')}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
              {t('handover.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      <h3>{t('handover.history')}</h3>
      <ol className="timeline" data-testid="handover-steps">
        {h.steps.map((s) => (
          <li key={s.seq} data-testid="handover-step" data-timing={s.timing ?? 'open'} className={s.handedOnAt ? undefined : 'current'}>
            <strong>
              {s.from?.name ?? t('handover.applicant')} → {s.to?.name ?? t('handover.desk')}
            </strong>
            <p className="small muted">
              {t('handover.receivedAt', { at: formatDateTime(s.receivedAt) })} · {t('handover.dueAt', { at: formatDateTime(s.dueAt) })}
              {s.handedOnAt ? ` · ${t('handover.handedOnAt', { at: formatDateTime(s.handedOnAt) })}` : ''}
            </p>
            <p className="small">{s.timing ? t(`handover.timing.${s.timing}`) : t('handover.open')}</p>
            {s.note ? <p className="small">{s.note}</p> : null}
          </li>
        ))}
      </ol>
      <Link to={staffPaths.controlSheet(d.id)} className="btn btn-secondary btn-small" data-testid="print-control-sheet">
        {t('handover.printSheet')}
      </Link>
    </section>
  );
}
