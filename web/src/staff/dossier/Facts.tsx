// What the dossier is: its code and clock, who sent it, and what they declared (labels and
// option names from the catalog procedure, as the citizen saw them).
import type { DeskDossier } from '@hsc/shared/desk';
import type { FieldDef, Procedure, Unit } from '@hsc/shared/schemas';
import { localized } from '../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { useStaffT } from '../i18n/index.ts';

export function fieldValue(def: FieldDef | undefined, value: string, lang: string, units: ReadonlyMap<string, Unit>): string {
  if (!def) return value;
  if (def.type === 'choice') {
    const option = def.options?.find((o) => o.value === value);
    return option ? localized(option.label, lang) : value;
  }
  if (def.type === 'date') return formatDate(value);
  if (def.type === 'unit') return units.get(value)?.name ?? value;
  return value;
}

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
            {money(d.payment.amount)} đ{d.payment.note ? ` · ${d.payment.note}` : ''}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

export function Applicant({ dossier: d, procedure, units }: { dossier: DeskDossier; procedure: Procedure | undefined; units: ReadonlyMap<string, Unit> }) {
  const { t, lang } = useStaffT();
  const a = d.applicant;
  const defs = procedure?.fields ?? [];
  const keys = [...defs.map((f) => f.key).filter((k) => k in d.fields), ...Object.keys(d.fields).filter((k) => !defs.some((f) => f.key === k))];
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
          <dd>{a.phone}</dd>
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
      {keys.length ? (
        <>
          <h3>{t('dossier.fields')}</h3>
          <dl className="sfacts" data-testid="fields">
            {keys.map((k) => {
              const def = defs.find((f) => f.key === k);
              return (
                <div key={k} data-testid={`field-${k}`}>
                  <dt>{def ? localized(def.label, lang) : k}</dt>
                  <dd>{fieldValue(def, d.fields[k] ?? '', lang, units)}</dd>
                </div>
              );
            })}
          </dl>
        </>
      ) : null}
    </section>
  );
}
