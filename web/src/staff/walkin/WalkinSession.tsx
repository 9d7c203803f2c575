// One citizen at the desk: pick the procedure, fill the generated form and photograph the papers
// (the citizen app's own editor and capture path), Send; then the outbox state and, once the
// commune's receipt is held, the receipt and the button that accepts the dossier and prints
// Mẫu 01 (WalkinAccept). Nothing of another session is read here.
import { useState } from 'react';
import { listAttachments } from '../../db/attachments.ts';
import { getProcedure, listProcedures, listUnits } from '../../db/catalog.ts';
import { createWalkinDraft, walkinOf } from '../../db/walkin.ts';
import { localized } from '../../i18n/index.ts';
import { requestSync } from '../../sync/client.ts';
import { StateBadge } from '../../ui/components/StateBadge.tsx';
import { SendStatus } from '../../ui/dossier/SendStatus.tsx';
import { useWalkinT } from './words.ts';
import { useLiveQuery } from '../../ui/hooks/useLiveQuery.ts';
import { navigate } from '../../ui/router.tsx';
import { DraftEditor } from '../../ui/screens/DossierForm.tsx';
import { nextCitizen, walkinPaths } from './paths.ts';
import { WalkinAccept } from './WalkinAccept.tsx';
import { WalkinReceipt } from './WalkinReceipt.tsx';

export function WalkinSession({ session, unitCode }: { session: string; unitCode: string }) {
  const { t, w, lang } = useWalkinT();
  const data = useLiveQuery(async () => {
    const dossier = await walkinOf(session);
    if (!dossier) return { dossier: null } as const;
    const [procedure, pages] = await Promise.all([getProcedure(dossier.procedureCode), listAttachments(dossier.id)]);
    return { dossier, procedure, pages };
  }, [session]);
  const units = useLiveQuery(listUnits, []);

  if (data === undefined || units === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (!data.dossier) return <ProcedurePick session={session} unitCode={unitCode} />;
  const { dossier, pages } = data;
  const unitName = units.find((u) => u.code === dossier.unitCode)?.name ?? dossier.unitCode;
  // The catalog's current version (null once retired): the editor compares it with the draft's own.
  if (dossier.state === 'draft') {
    return (
      <DraftEditor
        key={dossier.id}
        dossier={dossier}
        procedure={data.procedure}
        pages={pages}
        units={units}
        onSent={() => requestSync(true)}
        onDeleted={() => navigate(walkinPaths.desk(), { replace: true })}
        desk={{ unitName, words: { noPhone: w('noPhone'), noPhoneNote: w('noPhoneNote') } }}
      />
    );
  }
  const procedure = dossier.procedure ?? data.procedure;
  if (!procedure) return <p className="notice">{t('procedure.notFound')}</p>;
  return (
    <section className="screen" data-testid="walkin-status" data-state={dossier.state}>
      <p className="muted small no-print">{dossier.receipt?.code ?? dossier.localRef}</p>
      <h1 className="no-print">{localized(procedure.name, lang)}</h1>
      <p className="state-line no-print">
        <StateBadge state={dossier.state} testId="dossier-state" />
      </p>
      {dossier.state === 'received' && dossier.receipt ? (
        <WalkinAccept key={dossier.id} dossier={dossier} receipt={<WalkinReceipt dossier={dossier} procedure={procedure} unitName={unitName} />} />
      ) : (
        <>
          <p className="notice">{w('sent')}</p>
          {dossier.lastError?.code === 'staffLogin' ? (
            <p className="attention" role="alert" data-testid="walkin-login-again">
              {w('loginAgain')}
            </p>
          ) : dossier.state === 'attention' ? (
            <p className="attention" role="alert">
              {t(`detail.reason.${dossier.lastError?.code ?? 'rejected'}`, { message: dossier.lastError?.message ?? '' })}
            </p>
          ) : null}
          {dossier.state !== 'attention' ? <SendStatus dossier={dossier} /> : null}
        </>
      )}
      <button type="button" className="btn btn-secondary btn-block walkin-big no-print" data-testid="walkin-next" onClick={nextCitizen}>
        {w('next')}
      </button>
    </section>
  );
}

function ProcedurePick({ session, unitCode }: { session: string; unitCode: string }) {
  const { w, lang } = useWalkinT();
  const procedures = useLiveQuery(listProcedures, []);
  const [busy, setBusy] = useState(false);
  const start = async (code: string) => {
    if (busy) return;
    setBusy(true);
    // The live query above sees the new draft and shows the form.
    await createWalkinDraft(code, session, unitCode);
  };
  return (
    <section className="screen">
      <h1>{w('pick')}</h1>
      <ul className="cards">
        {(procedures ?? []).map((p) => (
          <li key={p.code}>
            <button type="button" className="card card-link walkin-proc" data-testid={`walkin-procedure-${p.code}`} disabled={busy} onClick={() => void start(p.code)}>
              <strong className="card-title">{localized(p.name, lang)}</strong>
              <span className="muted small">{localized(p.processingTime, lang)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
