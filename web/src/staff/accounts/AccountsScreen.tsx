// The administrator's "Tài khoản cán bộ": every account (name, username, role, unit,
// specialist, desk phone, disabled), a new one, the desk phone and specialist flag, disable /
// enable, a password reset (the temporary password is shown once, to hand over), and the
// sign-in lockouts in force with a way to lift one.
import { MIN_PASSWORD_LENGTH, roleHasUnit, StaffRole, type StaffAccount } from '@hsc/shared/staff';
import type { Lockout } from '@hsc/shared/staff-admin';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../ui/format.ts';
import { createStaff, listLockouts, listStaff, resetStaffPassword, setStaffDisabled, unlock, updateStaff } from '../api/admin.ts';
import { errorText } from '../api/errors.ts';
import { useStaffT } from '../i18n/index.ts';
import { useReference } from '../reference.ts';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

export function AccountsScreen() {
  const { t } = useStaffT();
  const { units } = useReference();
  const [accounts, setAccounts] = useState<StaffAccount[]>();
  const [lockouts, setLockouts] = useState<Lockout[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [temp, setTemp] = useState<{ username: string; password: string }>();
  const [editing, setEditing] = useState<string>();
  const tRef = useRef(t);
  tRef.current = t;

  const load = useCallback(() => {
    Promise.all([listStaff(), listLockouts()]).then(
      ([s, l]) => {
        setAccounts(s.staff);
        setLockouts(l.lockouts);
      },
      (e: unknown) => setStatus({ kind: 'error', text: errorText(tRef.current, e) }),
    );
  }, []);
  useEffect(load, [load]);

  const run = async (work: () => Promise<unknown>, done: string) => {
    setStatus({ kind: 'busy' });
    try {
      await work();
      setStatus({ kind: 'done', text: done });
      load();
      return true;
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(t, e) });
      return false;
    }
  };

  const unitName = (code: string | null) => (code ? (units.get(code)?.name ?? code) : '—');
  const busy = status.kind === 'busy';

  return (
    <section className="panel" aria-labelledby="accounts-title" data-testid="accounts">
      <h1 id="accounts-title">{t('accounts.title')}</h1>
      <p>{t('accounts.intro')}</p>
      {status.kind === 'done' ? (
        <p className="ok-line" role="status" data-testid="accounts-done">
          {status.text}
        </p>
      ) : null}
      {status.kind === 'error' ? (
        <p className="error" role="alert" data-testid="accounts-error">
          {status.text}
        </p>
      ) : null}
      {temp ? (
        <div className="notice" role="status" data-testid="accounts-temp">
          <p>{t('accounts.tempIntro', { username: temp.username })}</p>
          <p>
            <strong className="mono" data-testid="accounts-temp-password">
              {temp.password}
            </strong>
          </p>
          <p className="small">{t('accounts.tempHint')}</p>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setTemp(undefined)}>
            {t('accounts.tempDone')}
          </button>
        </div>
      ) : null}
      {accounts === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <div className="table-wrap">
          <table className="rtable" data-testid="accounts-table">
            <thead>
              <tr>
                <th scope="col">{t('accounts.name')}</th>
                <th scope="col">{t('accounts.username')}</th>
                <th scope="col">{t('accounts.role')}</th>
                <th scope="col">{t('accounts.unit')}</th>
                <th scope="col">{t('accounts.specialist')}</th>
                <th scope="col">{t('accounts.phone')}</th>
                <th scope="col">{t('accounts.state')}</th>
                <th scope="col">{t('accounts.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} data-testid={`account-${a.username}`}>
                  <td>{a.displayName}</td>
                  <td className="mono">{a.username}</td>
                  <td>{t(`role.${a.role}`)}</td>
                  <td>{unitName(a.unitCode)}</td>
                  <td>{a.specialist ? t('accounts.yes') : ''}</td>
                  <td>{a.phone ?? ''}</td>
                  <td data-testid={`account-state-${a.username}`}>
                    {a.disabledAt ? t('accounts.disabledSince', { time: formatDateTime(a.disabledAt) }) : a.mustChangePassword ? t('accounts.mustChange') : t('accounts.active')}
                  </td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="btn btn-small btn-secondary" data-testid={`account-edit-${a.username}`} onClick={() => setEditing(editing === a.id ? undefined : a.id)}>
                        {t('accounts.edit')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small btn-secondary"
                        data-testid={`account-toggle-${a.username}`}
                        disabled={busy}
                        onClick={() => {
                          if (!a.disabledAt && !window.confirm(t('accounts.confirmDisable', { name: a.displayName }))) return;
                          void run(() => setStaffDisabled(a.id, !a.disabledAt), t(a.disabledAt ? 'accounts.enabled' : 'accounts.disabled', { name: a.displayName }));
                        }}
                      >
                        {a.disabledAt ? t('accounts.enable') : t('accounts.disable')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small btn-secondary"
                        data-testid={`account-reset-${a.username}`}
                        disabled={busy}
                        onClick={() => {
                          if (!window.confirm(t('accounts.confirmReset', { name: a.displayName }))) return;
                          setStatus({ kind: 'busy' });
                          resetStaffPassword(a.id).then(
                            (r) => {
                              setTemp({ username: a.username, password: r.temporaryPassword });
                              setStatus({ kind: 'idle' });
                              load();
                            },
                            (e: unknown) => setStatus({ kind: 'error', text: errorText(t, e) }),
                          );
                        }}
                      >
                        {t('accounts.reset')}
                      </button>
                    </div>
                    {editing === a.id ? (
                      <EditForm
                        account={a}
                        busy={busy}
                        onSave={async (phone, specialist) => {
                          if (await run(() => updateStaff(a.id, { phone: phone || null, ...(a.role === 'officer' ? { specialist } : {}) }), t('accounts.saved', { name: a.displayName }))) setEditing(undefined);
                        }}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateForm busy={busy} onCreate={(body) => run(() => createStaff(body), t('accounts.created', { username: body.username }))} />
      <Lockouts lockouts={lockouts} busy={busy} onUnlock={(kind, value) => void run(() => unlock({ kind, value }), t('accounts.unlocked', { value }))} />
    </section>
  );
}

function EditForm({ account, busy, onSave }: { account: StaffAccount; busy: boolean; onSave: (phone: string, specialist: boolean) => Promise<void> }) {
  const { t } = useStaffT();
  const [phone, setPhone] = useState(account.phone ?? '');
  const [specialist, setSpecialist] = useState(!!account.specialist);
  return (
    <form
      className="account-edit"
      data-testid="account-edit-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(phone.trim(), specialist);
      }}
    >
      <label className="field">
        <span className="label">{t('accounts.phone')}</span>
        <input className="input" inputMode="tel" data-testid="account-phone" value={phone} onChange={(e) => setPhone(e.target.value)} />
      </label>
      {account.role === 'officer' ? (
        <label className="check">
          <input type="checkbox" data-testid="account-specialist" checked={specialist} onChange={(e) => setSpecialist(e.target.checked)} /> {t('accounts.specialistLong')}
        </label>
      ) : null}
      <button type="submit" className="btn btn-primary btn-small" data-testid="account-save" disabled={busy}>
        {t('accounts.save')}
      </button>
    </form>
  );
}

function CreateForm({ busy, onCreate }: { busy: boolean; onCreate: (body: Parameters<typeof createStaff>[0]) => Promise<boolean> }) {
  const { t } = useStaffT();
  const { units } = useReference();
  const empty = { username: '', displayName: '', role: 'officer' as StaffRole, unitCode: '', password: '', phone: '', specialist: false };
  const [f, setF] = useState(empty);
  const [problem, setProblem] = useState<string>();
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => setF((x) => ({ ...x, [k]: v }));
  const hasUnit = roleHasUnit(f.role);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(f.username.trim())) return setProblem(t('accounts.needUsername'));
    if (!f.displayName.trim()) return setProblem(t('accounts.needName'));
    if (hasUnit && !f.unitCode) return setProblem(t('accounts.needUnit'));
    if (f.password.length < MIN_PASSWORD_LENGTH) return setProblem(t('accounts.needPassword', { min: MIN_PASSWORD_LENGTH }));
    const ok = await onCreate({
      username: f.username.trim(),
      displayName: f.displayName.trim(),
      role: f.role,
      ...(hasUnit ? { unitCode: f.unitCode } : {}),
      password: f.password,
      ...(f.phone.trim() ? { phone: f.phone.trim() } : {}),
      ...(f.role === 'officer' && f.specialist ? { specialist: true } : {}),
    });
    if (ok) setF(empty);
  };

  return (
    <form className="account-create" aria-labelledby="account-create-title" data-testid="account-create" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="account-create-title">{t('accounts.createTitle')}</h2>
      <label className="field">
        <span className="label">{t('accounts.username')}</span>
        <input className="input" autoCapitalize="none" spellCheck={false} data-testid="create-username" value={f.username} onChange={(e) => set('username', e.target.value.toLowerCase())} />
      </label>
      <label className="field">
        <span className="label">{t('accounts.name')}</span>
        <input className="input" data-testid="create-name" value={f.displayName} onChange={(e) => set('displayName', e.target.value)} />
      </label>
      <label className="field">
        <span className="label">{t('accounts.role')}</span>
        <select className="input" data-testid="create-role" value={f.role} onChange={(e) => set('role', e.target.value as StaffRole)}>
          {StaffRole.options.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {hasUnit ? (
        <label className="field">
          <span className="label">{t('accounts.unit')}</span>
          <select className="input" data-testid="create-unit" value={f.unitCode} onChange={(e) => set('unitCode', e.target.value)}>
            <option value="">{t('payees.chooseUnit')}</option>
            {[...units.values()].map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="field">
        <span className="label">{t('accounts.password')}</span>
        <input className="input" type="password" autoComplete="new-password" data-testid="create-password" value={f.password} onChange={(e) => set('password', e.target.value)} />
        <span className="small">{t('accounts.passwordHint', { min: MIN_PASSWORD_LENGTH })}</span>
      </label>
      <label className="field">
        <span className="label">{t('accounts.phone')}</span>
        <input className="input" inputMode="tel" data-testid="create-phone" value={f.phone} onChange={(e) => set('phone', e.target.value)} />
      </label>
      {f.role === 'officer' ? (
        <label className="check">
          <input type="checkbox" data-testid="create-specialist" checked={f.specialist} onChange={(e) => set('specialist', e.target.checked)} /> {t('accounts.specialistLong')}
        </label>
      ) : null}
      {problem ? (
        <p className="error" role="alert" data-testid="create-problem">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" data-testid="create-submit" disabled={busy}>
        {t('accounts.create')}
      </button>
    </form>
  );
}

function Lockouts({ lockouts, busy, onUnlock }: { lockouts: Lockout[]; busy: boolean; onUnlock: (kind: 'user' | 'ip', value: string) => void }) {
  const { t } = useStaffT();
  const [kind, setKind] = useState<'user' | 'ip'>('user');
  const [value, setValue] = useState('');
  return (
    <section aria-labelledby="lockouts-title" data-testid="lockouts">
      <h2 id="lockouts-title">{t('accounts.lockoutsTitle')}</h2>
      {lockouts.length === 0 ? (
        <p className="muted" data-testid="lockouts-none">
          {t('accounts.noLockouts')}
        </p>
      ) : (
        <ul className="plain-list">
          {lockouts.map((l) => (
            <li key={`${l.kind}:${l.value}`} data-testid={`lockout-${l.kind}-${l.value}`}>
              {t(l.kind === 'user' ? 'accounts.lockedUser' : 'accounts.lockedIp', { value: l.value, failures: l.failures, until: formatDateTime(l.until) })}{' '}
              <button type="button" className="btn btn-small btn-secondary" disabled={busy} data-testid={`unlock-${l.kind}-${l.value}`} onClick={() => onUnlock(l.kind, l.value)}>
                {t('accounts.unlock')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="unlock-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) onUnlock(kind, value.trim());
        }}
      >
        <label className="field">
          <span className="label">{t('accounts.unlockKind')}</span>
          <select className="input" data-testid="unlock-kind" value={kind} onChange={(e) => setKind(e.target.value as 'user' | 'ip')}>
            <option value="user">{t('accounts.unlockUser')}</option>
            <option value="ip">{t('accounts.unlockIp')}</option>
          </select>
        </label>
        <label className="field">
          <span className="label">{t('accounts.unlockValue')}</span>
          <input className="input" autoCapitalize="none" spellCheck={false} data-testid="unlock-value" value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-secondary" data-testid="unlock-submit" disabled={busy}>
          {t('accounts.unlock')}
        </button>
      </form>
    </section>
  );
}
