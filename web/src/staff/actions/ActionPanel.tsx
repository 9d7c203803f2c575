// The actions the shared state machine allows for this role and status, one form open at a
// time; the others are listed with the reason they are not possible. Each opened form gets an
// action id, so a request repeated after a lost answer is applied once by the server.
import type { ActionResponse, DeskDossier } from '@hsc/shared/desk';
import type { StaffActionName } from '@hsc/shared/lifecycle';
import { isFinal } from '@hsc/shared/lifecycle';
import type { Procedure } from '@hsc/shared/schemas';
import type { StaffUser } from '@hsc/shared/staff';
import type { WorkCalendar } from '@hsc/shared/workdays';
import { useState, type ReactElement } from 'react';
import { newId } from '../../db/ids.ts';
import { act } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useStaffT, type StaffT } from '../i18n/index.ts';
import type { ActionBody, ActionCtx } from './ActionForm.tsx';
import { actionChoices, type WhyNot } from './choices.ts';
import { AcceptForm, RescheduleForm } from './DateForms.tsx';
import { FinishForm } from './FinishForm.tsx';
import { RefuseForm, StopForm } from './ReasonForms.tsx';
import { PaymentForm, PaymentReceivedForm, ReturnResultForm, StartProcessingForm } from './SmallForms.tsx';
import { SupplementForm } from './SupplementForm.tsx';
import { heldByOther } from '../dossier/Handover.tsx';

const FORMS: Record<StaffActionName, (p: { ctx: ActionCtx }) => ReactElement> = {
  accept: AcceptForm,
  request_supplement: SupplementForm,
  refuse: RefuseForm,
  start_processing: StartProcessingForm,
  request_payment: PaymentForm,
  payment_received: PaymentReceivedForm,
  finish: FinishForm,
  return_result: ReturnResultForm,
  reschedule: RescheduleForm,
  stop: StopForm,
};

function whyText(t: StaffT, why: WhyNot, status: DeskDossier['status']): string {
  switch (why.kind) {
    case 'role':
      return t('actions.whyRole', { roles: why.roles.map((r) => (r === 'citizen' ? r : t(`role.${r}`).toLowerCase())).join(', ') });
    case 'status':
      return t('actions.whyStatus', { status: t(`status.${status}`) });
    case 'rescheduled':
      return t('actions.whyRescheduled');
    case 'too_late':
      return t('actions.whyTooLate');
  }
}

export interface ActionPanelProps {
  dossier: DeskDossier;
  user: StaffUser;
  procedure: Procedure | undefined;
  calendar: WorkCalendar | null;
  onDone: (answer: ActionResponse, action: StaffActionName) => void;
  now?: Date;
}

export function ActionPanel({ dossier, user, procedure, calendar, onDone, now = new Date() }: ActionPanelProps) {
  const { t } = useStaffT();
  const [open, setOpen] = useState<{ action: StaffActionName; actionId: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  if (user.role === 'province' || user.role === 'admin') {
    return (
      <section className="scard apanel" data-testid="actions-panel">
        <h2>{t('actions.title')}</h2>
        <p className="muted" data-testid="read-only">
          {t('actions.readOnly')}
        </p>
      </section>
    );
  }
  const { allowed, unavailable } = actionChoices(dossier, user.role, now);
  // Handed to someone else: the buttons stay visible but disabled, and say who holds it.
  const holder = heldByOther(dossier);

  const submit = async (body: ActionBody) => {
    if (!open) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await act(dossier.id, { ...body, actionId: open.actionId } as Parameters<typeof act>[1]);
      setOpen(undefined);
      onDone(answer, body.action);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const Form = open ? FORMS[open.action] : null;
  return (
    <section className="scard apanel" data-testid="actions-panel" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions.title')}</h2>
      {isFinal(dossier.status) ? <p className="muted">{t('actions.none')}</p> : null}
      {holder && !isFinal(dossier.status) ? (
        <p className="notice" data-testid="held-by">
          {t('handover.heldBy', { name: holder })}
        </p>
      ) : null}
      {Form && open ? (
        <Form key={open.actionId} ctx={{ dossier, procedure, calendar, role: user.role, now, busy, error, submit: (b) => void submit(b), cancel: () => setOpen(undefined) }} />
      ) : (
        <div className="abuttons">
          {allowed.map((a) => (
            <button
              key={a}
              type="button"
              className={`btn ${a === 'refuse' || a === 'stop' ? 'btn-secondary btn-danger' : 'btn-primary'}`}
              data-testid={`action-${a}`}
              disabled={!!holder}
              title={holder ? t('handover.heldBy', { name: holder }) : undefined}
              onClick={() => {
                setError(undefined);
                setOpen({ action: a, actionId: newId() });
              }}
            >
              {t(`action.${a}`)}
            </button>
          ))}
        </div>
      )}
      {!isFinal(dossier.status) && unavailable.length ? (
        <details className="folded why">
          <summary>{t('actions.unavailable')}</summary>
          <ul>
            {unavailable.map(({ action, why }) => (
              <li key={action} data-testid={`unavailable-${action}`}>
                <strong>{t(`action.${action}`)}</strong>: {whyText(t, why, dossier.status)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
