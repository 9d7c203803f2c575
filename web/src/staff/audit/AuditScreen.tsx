// The administrator's audit log: who did what, to which dossier, when (Vietnamese time) and
// from where; filtered by who, action, dossier (code or id) and dates, a page at a time. The
// server records each read of it too.
import type { StaffAccount } from '@hsc/shared/staff';
import type { AuditLine, AuditPage, AuditQuery } from '@hsc/shared/staff-admin';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../ui/format.ts';
import { getAudit, listStaff } from '../api/admin.ts';
import { errorText } from '../api/errors.ts';
import { useStaffT, type StaffKey } from '../i18n/index.ts';

/** The actions the log holds most; any other can be typed. */
const ACTIONS = ['login', 'login_failed', 'login_rate_limited', 'logout', 'staff_created', 'staff_updated', 'staff_disabled', 'staff_enabled', 'staff_password_reset', 'password_changed', 'login_unlocked', 'audit_read'];

type Filter = Omit<Partial<AuditQuery>, 'page'>;

export function AuditScreen() {
  const { t } = useStaffT();
  const [staff, setStaff] = useState<StaffAccount[]>([]);
  const [draft, setDraft] = useState<Filter>({});
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AuditPage>();
  const [error, setError] = useState<string>();
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    listStaff().then((s) => setStaff(s.staff), () => undefined);
  }, []);
  useEffect(() => {
    let live = true;
    setError(undefined);
    getAudit({ ...filter, page }).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(errorText(tRef.current, e)),
    );
    return () => {
      live = false;
    };
  }, [filter, page]);

  const set = (k: keyof Filter, v: string) => setDraft((d) => ({ ...d, [k]: v || undefined }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setFilter({ ...draft, dossier: draft.dossier?.trim() || undefined });
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  // Known actions in words; any other (a dossier's step, say) as the log names it.
  const actionName = (a: string) => (ACTIONS.includes(a) ? t(`audit.actions.${a}` as StaffKey) : a);

  return (
    <section className="panel" aria-labelledby="audit-title" data-testid="audit">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <form className="audit-filter" onSubmit={apply} noValidate data-testid="audit-filter">
        <label className="field">
          <span className="label">{t('audit.who')}</span>
          <select className="input" data-testid="audit-who" value={draft.staff ?? ''} onChange={(e) => set('staff', e.target.value)}>
            <option value="">{t('audit.anyone')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName} ({s.username})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">{t('audit.action')}</span>
          <input className="input" list="audit-actions" data-testid="audit-action" value={draft.action ?? ''} onChange={(e) => set('action', e.target.value.trim())} />
          <datalist id="audit-actions">
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionName(a)}
              </option>
            ))}
          </datalist>
        </label>
        <label className="field">
          <span className="label">{t('audit.dossier')}</span>
          <input className="input" spellCheck={false} data-testid="audit-dossier" value={draft.dossier ?? ''} onChange={(e) => set('dossier', e.target.value)} />
        </label>
        <label className="field">
          <span className="label">{t('audit.from')}</span>
          <input className="input" type="date" data-testid="audit-from" value={draft.from ?? ''} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label className="field">
          <span className="label">{t('audit.to')}</span>
          <input className="input" type="date" data-testid="audit-to" value={draft.to ?? ''} onChange={(e) => set('to', e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary" data-testid="audit-apply">
          {t('audit.apply')}
        </button>
      </form>
      {error ? (
        <p className="error" role="alert" data-testid="audit-error">
          {error}
        </p>
      ) : null}
      {data === undefined ? (
        !error ? <p className="muted">{t('app.loading')}</p> : null
      ) : data.items.length === 0 ? (
        <p className="muted" data-testid="audit-empty">
          {t('audit.empty')}
        </p>
      ) : (
        <>
          <p className="small" data-testid="audit-total">
            {t('audit.total', { count: data.total, page: data.page, pages })}
          </p>
          <ol className="audit-lines plain-list" data-testid="audit-lines">
            {data.items.map((l) => (
              <Line key={l.id} line={l} actionName={actionName} />
            ))}
          </ol>
          <nav className="pager" aria-label={t('audit.pages')}>
            <button type="button" className="btn btn-secondary btn-small" data-testid="audit-prev" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              {t('audit.prev')}
            </button>
            <button type="button" className="btn btn-secondary btn-small" data-testid="audit-next" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
              {t('audit.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

function Line({ line: l, actionName }: { line: AuditLine; actionName: (a: string) => string }) {
  const { t } = useStaffT();
  const who = l.staffName ? `${l.staffName} (${l.staffUsername})` : t(`audit.actor.${l.actorKind === 'citizen' ? 'citizen' : 'system'}`);
  return (
    <li className="audit-line" data-testid="audit-line">
      <time dateTime={l.at}>{formatDateTime(l.at)}</time> · <strong>{who}</strong> · {actionName(l.action)}
      {l.dossierId ? (
        <>
          {' · '}
          <span className="mono" data-testid="audit-line-dossier">
            {l.dossierCode ?? l.dossierId}
          </span>
        </>
      ) : null}
      {l.ip ? <span className="small"> · {t('audit.from_ip', { ip: l.ip })}</span> : null}
    </li>
  );
}
