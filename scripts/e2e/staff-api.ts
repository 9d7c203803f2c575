// The officer's side of the supplement and walk-in tests, through the staff API as the console
// calls it: sign in (cookie + CSRF token), act on a dossier, upload a result.
import { expect } from 'vitest';

export interface StaffAgent {
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  act(dossierId: string, body: Record<string, unknown>): Promise<unknown>;
  uploadResult(dossierId: string, bytes: Buffer, mediaType: string, fileName: string): Promise<{ resultId: string; sha256: string }>;
}

export async function signIn(base: string, username = 'demo.officer', password = 'demo1234'): Promise<StaffAgent> {
  const res = await fetch(`${base}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await res.json()) as { csrfToken: string };
  expect(res.status, JSON.stringify(body)).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = body.csrfToken;
  const headers = { cookie, 'x-csrf-token': csrf };
  return {
    cookie,
    csrf,
    get: (path) => fetch(`${base}${path}`, { headers }),
    async act(dossierId, action) {
      const r = await fetch(`${base}/api/staff/dossiers/${dossierId}/actions`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(action) });
      const answer = await r.json();
      expect(r.status, JSON.stringify(answer)).toBe(200);
      return answer;
    },
    async uploadResult(dossierId, bytes, mediaType, fileName) {
      const r = await fetch(`${base}/api/staff/dossiers/${dossierId}/result`, {
        method: 'POST',
        headers: { ...headers, 'content-type': mediaType, 'x-file-name': encodeURIComponent(fileName) },
        body: new Uint8Array(bytes),
      });
      const answer = (await r.json()) as { resultId: string; sha256: string };
      expect(r.status, JSON.stringify(answer)).toBe(201);
      return answer;
    },
  };
}
