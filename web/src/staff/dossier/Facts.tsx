// What the dossier is: its code and clock, who sent it, and what they declared (labels and
// option names from the catalog procedure, as the citizen saw them).
import type { DeskDossier } from '@hsc/shared/desk';
import { shownFields, type ShownValue } from '@hsc/shared/field-display';
import type { Procedure, Unit } from '@hsc/shared/schemas';
import { formatDateTime } from '../../ui/format.ts';
import { fileUrl } from '../api/endpoints.ts';
import { useStaffT } from '../i18n/index.ts';

export function Summary({ dossier: d }: { dossier: DeskDossier }) {
  const { t, lang } = useStaffT();
  const money = (n: number) => new Intl.NumberFormat(lang === 'en' ? 'en' : 'vi').format(n);
  return (
    <dl className="sfacts">
      <div>
        <dt>{t('dossier.code')}</dt>
        <dd className="code" data-testid="dossier-code">
          {d.code}
        </dd>
      </div>
      <div>
        <dt>{t('dossier.lookup')}</dt>
        <dd className="code">{d.lookupCode}</dd>
      </div>
      <div>
        <dt>{t('dossier.unit')}</dt>
        <dd>{d.unitName}</dd>
      </div>
      <div>
        <dt>{t('dossier.channel')}</dt>
        <dd>{t(`queue.channel.${d.channel}`)}</dd>
      </div>
      <div>
        <dt>{t('dossier.receivedAt')}</dt>
        <dd>{formatDateTime(d.receivedAt)}</dd>
      </div>
      {d.clockFrom !== d.receivedAt ? (
        <div>
          <dt>{t('dossier.clockFrom')}</dt>
          <dd>{formatDateTime(d.clockFrom)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('dossier.dueAt')}</dt>
        <dd data-testid="dossier-due">
          {formatDateTime(d.dueAt)}
          {d.rescheduled ? <span className="muted"> ({t('dossier.rescheduled')})</span> : null}
        </dd>
      </div>
      {d.payment ? (
        <div>
          <dt>{t('dossier.payment')}</dt>
          <dd>
            {t('dossier.amount', { amount: money(d.payment.amount) })}
            {d.payment.note ? ` · ${d.payment.note}` : ''}
          </dd>
          {d.payment.paidAt ? (
            <dd data-testid="dossier-paid">
              {t('dossier.paid', { amount: money(d.payment.paidAmount ?? d.payment.amount), at: formatDateTime(d.payment.paidAt) })}
              {d.payment.reference ? ` · ${d.payment.reference}` : ''}
            </dd>
          ) : null}
          {d.paymentProofs.map((p) => (
            <dd key={p.id} data-testid="dossier-payment-proof">
              <a href={fileUrl(d.id, p.attachment.id)} target="_blank" rel="noreferrer">
                {t('dossier.paymentProof', { at: formatDateTime(p.receivedAt) })}
              </a>
            </dd>
          ))}
        </div>
      ) : null}
    </dl>
  );
}

export function Applicant({ dossier: d, procedure, units }: { dossier: DeskDossier; procedure: Procedure | undefined; units: ReadonlyMap<string, Unit> }) {
  const { t, lang } = useStaffT();
  const a = d.applicant;
  const shown = shownFields(procedure, d.fields, lang === 'en' ? 'en' : 'vi', { yes: t('yesNo.yes'), no: t('yesNo.no') }, (code) => units.get(code)?.name);
  return (
    <section className="scard" aria-labelledby="applicant-title">
      <h2 id="applicant-title">{t('dossier.applicant')}</h2>
      <dl className="sfacts" data-testid="applicant">
        <div>
          <dt>{t('dossier.fullName')}</dt>
          <dd>
            <strong>{a.fullName}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('dossier.phone')}</dt>
          <dd data-testid="facts-phone">{a.noPhone ? <em>{t('dossier.noPhone')}</em> : a.phone}</dd>
        </div>
        <div>
          <dt>{t('dossier.citizenId')}</dt>
          <dd>{a.citizenId}</dd>
        </div>
        <div className="wide">
          <dt>{t('dossier.address')}</dt>
          <dd>{a.address}</dd>
        </div>
        {a.email ? (
          <div>
            <dt>{t('dossier.email')}</dt>
            <dd>{a.email}</dd>
          </div>
        ) : null}
      </dl>
      {shown.length ? (
        <>
          <h3>{t('dossier.fields')}</h3>
          <dl className="sfacts" data-testid="fields">
            {shown.map((f) => (
              <div key={f.key} data-testid={`field-${f.key}`} className={f.rows ? 'wide' : undefined}>
                <dt>{f.label}</dt>
                <dd>{f.rows ? <GroupRows rows={f.rows} /> : f.value}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}

/** A repeating group's rows, numbered, each with its sub-fields. */
export function GroupRows({ rows }: { rows: ShownValue[][] }) {
  return (
    <ol className="group-rows">
      {rows.map((row, i) => (
        <li key={i}>{row.map((v) => `${v.label}: ${v.value}`).join(' · ')}</li>
      ))}
    </ol>
  );
}
