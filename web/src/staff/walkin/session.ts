// Who is signed in at the desk, for walk-in mode. Reuses the console's API helper (`me`, the
// in-memory CSRF token). When the line is down the desk keeps working: the officer's commune
// is remembered on this device (a unit code, nothing about any citizen), so new walk-ins can be
// started offline and wait in the outbox until the session answers again.
import type { StaffSession, StaffUser } from '@hsc/shared/staff';
import { useCallback, useEffect, useState } from 'react';
import { setCsrfToken, StaffApiError } from '../api/client.ts';
import { me } from '../api/endpoints.ts';

const UNIT_KEY = 'hsc-desk-unit';

export type DeskSession =
  | { kind: 'checking' }
  | { kind: 'out' }
  | { kind: 'in'; user: StaffUser }
  /** No answer from the server: keep working with the commune this device last served. */
  | { kind: 'offline'; unitCode: string | null };

function rememberUnit(user: StaffUser): void {
  try {
    if (user.unitCode) localStorage.setItem(UNIT_KEY, user.unitCode);
  } catch {
    // Private mode: the desk then needs the line to start a walk-in after a reload.
  }
}

function lastUnit(): string | null {
  try {
    return localStorage.getItem(UNIT_KEY);
  } catch {
    return null;
  }
}

export function useDeskSession() {
  const [session, setSession] = useState<DeskSession>({ kind: 'checking' });
  const signedIn = useCallback((s: StaffSession) => {
    setCsrfToken(s.csrfToken);
    rememberUnit(s.user);
    setSession({ kind: 'in', user: s.user });
  }, []);
  const check = useCallback(() => {
    me().then(signedIn, (e: unknown) => {
      if (e instanceof StaffApiError && e.status === 401) {
        setCsrfToken(null);
        setSession({ kind: 'out' });
      } else setSession({ kind: 'offline', unitCode: lastUnit() });
    });
  }, [signedIn]);
  useEffect(check, [check]);
  const unitCode = session.kind === 'in' ? session.user.unitCode : session.kind === 'offline' ? session.unitCode : null;
  return { session, signedIn, check, unitCode };
}
