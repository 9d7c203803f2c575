// "Saved on this phone": shown at once after Send, with no network, so the person knows the
// dossier is kept: a short reference and the list of what is inside.
import { shownFields } from '@hsc/shared/field-display';
import type { Procedure, Unit } from '@hsc/shared/schemas';
import { fieldValues } from '../../db/draftValues.ts';
import type { AttachmentRecord, DossierRecord } from '../../db/types.ts';
import { localized } from '../../i18n/index.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';

export function LocalReceipt({ dossier, unit, pages, ...props }: { dossier: DossierRecord; procedure: Procedure | null; unit: Unit | null; pages: AttachmentRecord[] }) {
  const { t, lang } = useLang();
  // The version the dossier was filled in names its fields, even once the catalog moved on.
  const procedure = dossier.procedure ?? props.procedure;
  const slots = procedure?.documents ?? [];
  return (
    <section className="receipt receipt-local" data-testid="local-receipt" aria-labelledby="local-receipt-title">
      <h2 id="local-receipt-title">
        <span aria-hidden="true">✓ </span>
        {t('local.title')}
      </h2>
      <dl className="facts">
        <dt>{t('local.ref')}</dt>
        <dd className="code" data-testid="local-ref">
          {dossier.localRef}
        </dd>
        <dt>{t('local.procedure')}</dt>
        <dd>{procedure ? localized(procedure.name, lang) : dossier.procedureCode}</dd>
        <dt>{t('local.unit')}</dt>
        <dd>{unit?.name ?? dossier.unitCode}</dd>
        <dt>{t('local.savedAt')}</dt>
        <dd>{formatDateTime(dossier.queuedAt ?? dossier.updatedAt)}</dd>
        <dt>{t('local.applicant')}</dt>
        <dd>
          {dossier.applicant.fullName}
          <br />
          <span className="muted small">{dossier.applicant.phone}</span>
        </dd>
      </dl>
      <h3>{t('local.contents')}</h3>
      <ul className="summary-list">
        {/* What is sent: group rows decoded, fields whose condition does not hold left out. */}
        {shownFields(procedure ?? undefined, fieldValues(dossier.fields, dossier.procedure?.fields), lang === 'en' ? 'en' : 'vi', { yes: t('yesNo.yes'), no: t('yesNo.no') }).map((f) => (
          <li key={f.key}>
            <span className="muted">{f.label}: </span>
            {f.rows ? f.rows.map((row) => row.map((v) => v.value).join(', ')).join('; ') : f.value}
          </li>
        ))}
      </ul>
      <h3>{t('local.documents')}</h3>
      <ul className="summary-list">
        {slots
          .map((s) => ({ s, count: pages.filter((p) => p.slot === s.key).length }))
          .filter(({ count }) => count > 0)
          .map(({ s, count }) => (
            <li key={s.key}>
              {localized(s.label, lang)}: <strong>{t('local.pages', { count })}</strong>
            </li>
          ))}
      </ul>
      {dossier.state !== 'received' ? <p className="notice notice-calm">{t('local.willSend')}</p> : null}
    </section>
  );
}
