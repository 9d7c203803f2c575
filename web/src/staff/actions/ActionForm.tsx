// The frame every action form shares: its intro, its own fields, the check of those fields,
// a second question for the actions that end the dossier, and the server's answer in words.
import type { StaffActionName, StaffActionRequest } from '@hsc/shared/lifecycle';
import type { DeskDossier } from '@hsc/shared/desk';
import type { Procedure } from '@hsc/shared/schemas';
import type { StaffRole } from '@hsc/shared/staff';
import type { WorkCalendar } from '@hsc/shared/workdays';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useStaffT } from '../i18n/index.ts';

/** An action's body without the client id: the panel adds it. */
export type ActionBody = StaffActionRequest extends infer R ? (R extends unknown ? Omit<R, 'actionId'> : never) : never;

export interface ActionCtx {
  dossier: DeskDossier;
  procedure: Procedure | undefined;
  calendar: WorkCalendar | null;
  /** Who acts, and when: rules such as the supplement window depend on both. */
  role: StaffRole;
  now: Date;
  busy: boolean;
  /** The server's refusal or a network failure, in words. */
  error: string | undefined;
  submit: (body: ActionBody) => void;
  cancel: () => void;
}

export function ActionForm({
  ctx,
  action,
  intro,
  question,
  build,
  children,
}: {
  ctx: ActionCtx;
  action: StaffActionName;
  intro?: string;
  /** Asked before sending, for actions that end the dossier. */
  question?: string;
  /** The body to send, or what is wrong with the fields. */
  build: () => ActionBody | { problem: string };
  children?: ReactNode;
}) {
  const { t } = useStaffT();
  const [problem, setProblem] = useState<string>();
  const [pending, setPending] = useState<ActionBody>();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = build();
    if ('problem' in body) return setProblem(body.problem);
    setProblem(undefined);
    if (question) setPending(body);
    else ctx.submit(body);
  };

  return (
    <form className="aform" onSubmit={onSubmit} data-testid={`form-${action}`} noValidate>
      <h3>{t(`action.${action}`)}</h3>
      {intro ? <p className="small">{intro}</p> : null}
      {children}
      {problem ? (
        <p className="serror" role="alert" data-testid="form-problem">
          {problem}
        </p>
      ) : null}
      {ctx.error ? (
        <p className="serror" role="alert" data-testid="action-error">
          {ctx.error}
        </p>
      ) : null}
      {pending ? (
        <div className="confirm" role="alertdialog" aria-label={question}>
          <p>{question}</p>
          <div className="row">
            <button type="button" className="btn btn-danger-solid" data-testid="confirm-yes" disabled={ctx.busy} onClick={() => ctx.submit(pending)}>
              {ctx.busy ? t('actions.busy') : t('actions.confirm')}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setPending(undefined)}>
              {t('actions.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button type="submit" className={`btn ${action === 'refuse' || action === 'stop' ? 'btn-danger-solid' : 'btn-primary'}`} data-testid="action-submit" disabled={ctx.busy}>
            {ctx.busy ? t('actions.busy') : t(`action.${action}`)}
          </button>
          <button type="button" className="btn btn-secondary" onClick={ctx.cancel}>
            {t('actions.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
