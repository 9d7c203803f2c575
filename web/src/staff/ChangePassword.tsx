// The forced step after an administrator's reset: before anything else the console asks for
// the temporary password and a new one (the server refuses every other request until then).
import { MIN_PASSWORD_LENGTH, type StaffSession } from '@hsc/shared/staff';
import { useState, type FormEvent } from 'react';
import { changePassword } from './api/admin.ts';
import { errorText } from './api/errors.ts';
import { useStaffT } from './i18n/index.ts';

export function ChangePassword({ session, onChanged, onLogout }: { session: StaffSession; onChanged: (s: StaffSession) => void; onLogout: () => void }) {
  const { t } = useStaffT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    if (!current) return setError(t('password.needCurrent'));
    if (next.length < MIN_PASSWORD_LENGTH) return setError(t('password.tooShort', { min: MIN_PASSWORD_LENGTH }));
    if (next !== again) return setError(t('password.mismatch'));
    setBusy(true);
    try {
      onChanged(await changePassword({ currentPassword: current, newPassword: next }));
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login scard" onSubmit={(e) => void submit(e)} data-testid="password-change" noValidate>
      <h1>{t('password.title')}</h1>
      <p className="muted">{t('password.intro', { name: session.user.displayName })}</p>
      <label className="field">
        <span className="label">{t('password.current')}</span>
        <input className="input" type="password" autoComplete="current-password" data-testid="password-current" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label className="field">
        <span className="label">{t('password.new')}</span>
        <input className="input" type="password" autoComplete="new-password" data-testid="password-new" value={next} onChange={(e) => setNext(e.target.value)} />
        <span className="small">{t('accounts.passwordHint', { min: MIN_PASSWORD_LENGTH })}</span>
      </label>
      <label className="field">
        <span className="label">{t('password.again')}</span>
        <input className="input" type="password" autoComplete="new-password" data-testid="password-again" value={again} onChange={(e) => setAgain(e.target.value)} />
      </label>
      {error ? (
        <p className="serror" role="alert" data-testid="password-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary btn-block" data-testid="password-submit" disabled={busy}>
        {t('password.submit')}
      </button>
      <button type="button" className="btn btn-ghost btn-block" data-testid="password-logout" onClick={onLogout}>
        {t('app.logout')}
      </button>
    </form>
  );
}
