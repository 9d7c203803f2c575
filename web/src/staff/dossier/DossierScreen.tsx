// One dossier as the desk works on it: the facts and the actions side by side on a wide
// screen, one above the other on a tablet; documents, supplements, history below.
import type { ActionResponse, FormSummary } from '@hsc/shared/desk';
import type { StaffActionName } from '@hsc/shared/lifecycle';
import type { StaffUser } from '@hsc/shared/staff';
import { useState } from 'react';
import { localized } from '../../i18n/index.ts';
import { Link } from '../../ui/router.tsx';
import { ActionPanel } from '../actions/ActionPanel.tsx';
import { dossierPath, getDossier, getProcedureVersion, procedureVersionPath } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useResource } from '../api/useResource.ts';
import { useStaffT } from '../i18n/index.ts';
import { currentBadge, DeadlineBadgeView, StatusChip } from '../queue/Badges.tsx';
import { useReference } from '../reference.ts';
import { staffPaths } from '../routes.ts';
import { OfflineNote } from '../Shell.tsx';
import { Documents } from './Documents.tsx';
import { FeeNotice } from './FeeNotice.tsx';
import { SmsOptIn } from './SmsOptIn.tsx';
import { HandoverPanel } from './Handover.tsx';
import { Applicant, Summary } from './Facts.tsx';
import { Forms, Result, Supplements, Timeline } from './History.tsx';

export function DossierScreen({ id, user }: { id: string; user: StaffUser }) {
  const { t, lang } = useStaffT();
  const ref = useReference();
  const res = useResource(dossierPath(id), () => getDossier(id).then((r) => r.dossier));
  const [done, setDone] = useState<{ action: StaffActionName; form?: FormSummary }>();
  const [handed, setHanded] = useState<string>();

  const d = res.data;
  // Labels come from the version the dossier was filled in; the catalog kept here may be newer.
  const current = d && ref.procedures.get(d.procedureCode);
  const pinnedKey = d && current?.version !== d.procedureVersion ? procedureVersionPath(d.procedureCode, d.procedureVersion) : null;
  const pinned = useResource(pinnedKey, () => getProcedureVersion(d!.procedureCode, d!.procedureVersion));
  const back = (
    <Link to={staffPaths.queue()} className="back staff-chrome">
      ← {t('app.back')}
    </Link>
  );
  if (!d) {
    return (
      <>
        {back}
        {res.error ? (
          <p className="serror" role="alert">
            {errorText(t, res.error)}
          </p>
        ) : (
          <p className="muted">{t('dossier.loading')}</p>
        )}
      </>
    );
  }

  const kept = ref.procedures.get(d.procedureCode);
  const procedure = kept?.version === d.procedureVersion ? kept : pinned.data;
  const onDone = (answer: ActionResponse, action: StaffActionName) => {
    res.set(answer.dossier);
    setHanded(undefined);
    setDone({ action, form: answer.form ? { id: answer.form.id, kind: answer.form.kind, number: answer.form.number, issuedAt: answer.form.issuedAt } : undefined });
  };

  return (
    <article className="dossier" data-testid="staff-dossier" data-status={d.status}>
      {back}
      <OfflineNote since={res.staleSince} onRetry={res.reload} />
      <header className="dhead">
        <h1>{procedure ? localized(procedure.name, lang) : d.procedureName}</h1>
        <div className="row">
          <StatusChip status={d.status} />
          <DeadlineBadgeView badge={currentBadge(d.status, d.dueAt, d.badge, ref.calendar)} />
        </div>
      </header>
      {handed ? (
        <div className="notice notice-ok" role="status" data-testid="handover-done">
          <p>{t('handover.done', { name: handed })}</p>
        </div>
      ) : null}
      {done ? (
        <div className="notice notice-ok" role="status" data-testid="action-done" data-action={done.action}>
          <p>{t('actions.done', { action: t(`action.${done.action}`) })}</p>
          {done.form ? (
            <p>
              {t('actions.formIssued', { kind: done.form.kind, number: done.form.number })}{' '}
              <Link to={staffPaths.form(done.form.id)} className="btn btn-primary btn-small" data-testid="print-issued">
                {t('actions.printForm')}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="dgrid">
        <div className="dmain">
          <section className="scard dsummary">
            <Summary dossier={d} />
          </section>
          <Applicant dossier={d} procedure={procedure} units={ref.units} />
          <Documents dossier={d} procedure={procedure} />
          <Supplements dossier={d} procedure={procedure} />
        </div>
        <aside className="dside">
          <ActionPanel dossier={d} user={user} procedure={procedure} calendar={ref.calendar} onDone={onDone} />
          <HandoverPanel
            dossier={d}
            onHanded={(after, name) => {
              res.set(after);
              setDone(undefined);
              setHanded(name);
            }}
          />
          <Result dossier={d} />
          <FeeNotice dossier={d} unitName={ref.units.get(d.unitCode)?.name} />
          <SmsOptIn dossierId={d.id} phone={d.applicant.phone} />
          <Forms dossier={d} />
          <Timeline dossier={d} />
        </aside>
      </div>
    </article>
  );
}
