// One dossier after Send: its state, progress while sending, the commune's receipt and
// timeline once received (kept on the phone, so all of it shows offline), and what to do when
// it needs attention.
import { listAttachments } from '../../db/attachments.ts';
import { getProcedure, getUnit } from '../../db/catalog.ts';
import { deleteDossier, getDossier } from '../../db/dossiers.ts';
import { latestReceipt, listSupplements } from '../../db/supplements.ts';
import { localized } from '../../i18n/index.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { StateBadge } from '../components/StateBadge.tsx';
import { AttentionPanel } from '../dossier/AttentionPanel.tsx';
import { CommuneReceipt } from '../dossier/CommuneReceipt.tsx';
import { DecisionPanel } from '../dossier/DecisionPanel.tsx';
import { ExportButton } from '../dossier/ExportButton.tsx';
import { LocalReceipt } from '../dossier/LocalReceipt.tsx';
import { PaymentPanel } from '../dossier/PaymentPanel.tsx';
import { ResultPanel } from '../dossier/ResultPanel.tsx';
import { RetentionNotice } from '../dossier/RetentionNotice.tsx';
import { SupplementHistory, SupplementPanel } from '../dossier/SupplementPanel.tsx';
import { SendStatus } from '../dossier/SendStatus.tsx';
import { Timeline } from '../dossier/Timeline.tsx';
import { useLang } from '../hooks/useLang.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { Link, navigate, paths } from '../router.tsx';

export function DossierDetail({ id }: { id: string }) {
  const { t, lang } = useLang();
  const data = useLiveQuery(async () => {
    const dossier = await getDossier(id);
    if (!dossier) return null;
    const [current, unit, pages, answers] = await Promise.all([getProcedure(dossier.procedureCode), getUnit(dossier.unitCode), listAttachments(id), listSupplements(id)]);
    // The version the dossier was filled in (kept with it) names its fields and slots, even once retired.
    return { dossier, procedure: dossier.procedure ?? current, unit, pages, answers };
  }, [id]);

  if (data === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (data === null) return <p className="notice">{t('detail.notFound')}</p>;
  const { dossier, procedure, unit, pages, answers } = data;
  if (dossier.state === 'draft') {
    return (
      <p className="notice">
        <Link to={paths.edit(id)}>{t('form.title')}</Link>
      </p>
    );
  }
  const received = dossier.state === 'received' && dossier.receipt;
  // After a supplement the commune's newest receipt (the clock restarted) is the one shown.
  const receipt = latestReceipt(dossier.receipt, answers);

  return (
    <section className="screen">
      <p className="muted small">{dossier.receipt?.code ?? dossier.localRef}</p>
      <h1>{procedure ? localized(procedure.name, lang) : dossier.procedureCode}</h1>
      <p className="state-line">
        <StateBadge state={dossier.state} testId="dossier-state" />
        <span className={`safety safety-${dossier.state}`}>
          {received ? t('safety.received', { code: dossier.receipt!.code }) : t(`safety.${dossier.state}`)}
        </span>
      </p>

      {received ? <RetentionNotice dossier={dossier} /> : null}
      {dossier.state === 'queued' || dossier.state === 'sending' ? <SendStatus dossier={dossier} /> : null}
      {dossier.state === 'attention' ? <AttentionPanel dossier={dossier} procedure={procedure} /> : null}
      {/* What the commune waits for, or what it gave back, comes first: the next step. */}
      {received ? <DecisionPanel dossier={dossier} /> : null}
      {received ? <SupplementPanel dossier={dossier} procedure={procedure} /> : null}
      {received ? <PaymentPanel dossier={dossier} /> : null}
      {received && (dossier.status === 'processed' || dossier.status === 'returned') ? <ResultPanel dossier={dossier} /> : null}
      {received ? <CommuneReceipt receipt={receipt!} procedure={procedure} dueAt={dossier.dueAt} /> : null}
      {received ? <SupplementHistory dossierId={id} /> : null}
      {received && dossier.timeline?.length ? <Timeline entries={dossier.timeline} checkedAt={dossier.statusCheckedAt} decisions={dossier.decisions} /> : null}

      {received ? (
        // Once the commune has it, what the phone kept is still there, folded away.
        <details className="folded">
          <summary>
            {t('local.title')} · {dossier.localRef}
          </summary>
          <LocalReceipt dossier={dossier} procedure={procedure} unit={unit} pages={pages} />
        </details>
      ) : (
        <LocalReceipt dossier={dossier} procedure={procedure} unit={unit} pages={pages} />
      )}

      {/* A dossier set aside offers the same button inside its panel, among the other actions. */}
      {dossier.state !== 'attention' ? <ExportButton dossierId={id} /> : null}

      <ConfirmButton
        testId="delete-dossier"
        label={received ? t('detail.deleteLocal') : t('detail.delete')}
        question={received ? t('detail.confirmDelete') : t('detail.confirmDeleteUnsent')}
        onConfirm={async () => {
          await deleteDossier(id);
          navigate(paths.home(), { replace: true });
        }}
      />
    </section>
  );
}
