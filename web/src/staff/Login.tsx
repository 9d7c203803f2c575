// Sign-in for staff. Errors in plain words; a locked-out name (429) is told to wait.
import type { StaffSession } from '@hsc/shared/staff';
import { useState, type FormEvent } from 'react';
import { StaffApiError } from './api/client.ts';
import { login } from './api/endpoints.ts';
import { errorText } from './api/errors.ts';
import { useStaffT } from './i18n/index.ts';

export function Login({ onSignedIn, notice }: { onSignedIn: (s: StaffSession) => void; notice?: string }) {
  const { t } = useStaffT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) return setError(t('login.missing'));
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await login({ username: username.trim(), password }));
    } catch (err) {
      setPassword('');
      setError(err instanceof StaffApiError && err.status === 401 ? t('login.bad') : errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login scard" onSubmit={(e) => void submit(e)} data-testid="staff-login" noValidate>
      <h1>{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      {notice ? <p className="notice">{notice}</p> : null}
      <label className="field">
        <span className="label">{t('login.username')}</span>
        <input
          className="input"
          name="username"
          data-testid="login-username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="label">{t('login.password')}</span>
        <input
          className="input"
          name="password"
          type="password"
          data-testid="login-password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error ? (
        <p className="serror" role="alert" data-testid="login-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary btn-block" data-testid="login-submit" disabled={busy}>
        {busy ? t('login.busy') : t('login.submit')}
      </button>
    </form>
  );
}
