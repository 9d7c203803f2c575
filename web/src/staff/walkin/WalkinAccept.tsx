// The walk-in finished at the desk: once the commune's receipt is held, one big button accepts
// the dossier through the staff API (the console's own `accept`, which issues Mẫu 01) and shows
// Mẫu 01 to print, then "Next citizen". It needs the line: offline, it says so and nothing is
// lost (the dossier is at the commune already; the button works again when the line is back, or
// the console can accept it). The receipt stays on screen until Mẫu 01 replaces it.
import type { FormDocument } from '@hsc/shared/desk';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { walkinAcceptId } from '../../db/walkin.ts';
import type { DossierRecord } from '../../db/types.ts';
import { AdoptedStyles } from '../../ui/components/AdoptedStyles.tsx';
import { setCsrfToken, StaffApiError } from '../api/client.ts';
import { act, getDossier, getForm, me } from '../api/endpoints.ts';
import { SmsOptIn } from '../dossier/SmsOptIn.tsx';
import { FormSheet } from '../print/FormSheets.tsx';
import staffCss from '../staff.css?inline';
import { useWalkinT } from './words.ts';

type Step = { kind: 'ready' } | { kind: 'busy' } | { kind: 'failed'; why: 'offline' | 'login' | 'other'; detail?: string } | { kind: 'done'; form: FormDocument };

/** The Mẫu 01 of a dossier someone already accepted (in the console, or this desk before a reload). */
async function issuedForm01(dossierId: string): Promise<FormDocument | undefined> {
  const { dossier } = await getDossier(dossierId);
  const summary = [...dossier.forms].reverse().find((f) => f.kind === '01');
  return summary ? getForm(summary.id) : undefined;
}

export async function acceptWalkin(dossier: Pick<DossierRecord, 'id'>): Promise<FormDocument> {
  const actionId = await walkinAcceptId(dossier.id);
  // The desk may have started with the line down (no CSRF token held then): ask for the
  // session first, which also tells a session that ended (401) from a refusal.
  setCsrfToken((await me()).csrfToken);
  try {
    const answer = await act(dossier.id, { action: 'accept', ...(actionId ? { actionId } : {}) });
    if (answer.form) return answer.form;
  } catch (e) {
    // Accepted already (by the console): print the Mẫu 01 it issued.
    if (!(e instanceof StaffApiError && e.status === 409)) throw e;
  }
  const form = await issuedForm01(dossier.id);
  if (!form) throw new StaffApiError(409, 'invalid_transition', 'no Mẫu 01');
  return form;
}

export function WalkinAccept({ dossier, receipt }: { dossier: DossierRecord; receipt: ReactNode }) {
  const { w } = useWalkinT();
  const [step, setStep] = useState<Step>({ kind: 'ready' });
  const printed = useRef(false);

  const accept = async () => {
    if (step.kind === 'busy') return;
    setStep({ kind: 'busy' });
    try {
      setStep({ kind: 'done', form: await acceptWalkin(dossier) });
    } catch (e) {
      if (e instanceof StaffApiError && (e.code === 'network' || e.status === 0)) setStep({ kind: 'failed', why: 'offline' });
      else if (e instanceof StaffApiError && (e.status === 401 || e.code === 'unauthenticated')) setStep({ kind: 'failed', why: 'login' });
      else setStep({ kind: 'failed', why: 'other', detail: e instanceof StaffApiError ? e.body?.message : undefined });
    }
  };

  // "Accept and print": the print dialog opens once, as soon as Mẫu 01 is on screen.
  useEffect(() => {
    if (step.kind !== 'done' || printed.current) return;
    printed.current = true;
    window.print();
  }, [step]);

  if (step.kind === 'done') {
    return (
      <div className="walkin-form" data-testid="walkin-form01">
        <AdoptedStyles css={staffCss} />
        <p className="ok-line no-print walkin-big-line" data-testid="walkin-accepted">
          {w('accepted')}
        </p>
        <FormSheet doc={step.form} />
        <button type="button" className="btn btn-primary btn-block walkin-big no-print" data-testid="walkin-print-form01" onClick={() => window.print()}>
          {w('printForm01')}
        </button>
        {/* A walk-in often has no smartphone: the desk may have status changes texted to them. */}
        <div className="no-print">
          <SmsOptIn dossierId={dossier.id} phone={dossier.applicant.phone} />
        </div>
      </div>
    );
  }
  return (
    <>
      {receipt}
      <button type="button" className="btn btn-primary btn-block walkin-big no-print" data-testid="walkin-accept" disabled={step.kind === 'busy'} onClick={() => void accept()}>
        {step.kind === 'busy' ? w('accepting') : w('acceptPrint')}
      </button>
      {step.kind === 'failed' ? (
        <p className="attention no-print walkin-big-line" role="alert" data-testid="walkin-accept-failed" data-why={step.why}>
          {step.why === 'offline' ? w('acceptOffline') : step.why === 'login' ? w('loginAgain') : [w('acceptFailed'), step.detail].filter(Boolean).join(' ')}
        </p>
      ) : null}
    </>
  );
}
