// The API as the phone sees it: every answer parsed with the shared zod schemas, every outcome
// named so the engine can decide between "received", "fix it", and "try later".
import {
  ApiError,
  Catalog,
  DEVICE_SECRET_HEADER,
  DossierStatusResponse,
  Procedure,
  ReceiptResponse,
  UnitList,
  type DossierSubmission,
  type FieldError,
  type PaymentProofSubmission,
  type SupplementSubmission,
  type Receipt,
  type Unit,
} from '@hsc/shared/schemas';

export type Fetch = typeof fetch;

export interface ApiClient {
  fetch: Fetch;
  /** '' in the browser (same origin); a full origin in tests and tools. */
  base: string;
}

export type PutOutcome =
  | { kind: 'received'; receipt: Receipt }
  | { kind: 'missing'; ids: string[] }
  | { kind: 'conflict'; differences: string[]; message: string }
  | { kind: 'invalid'; fields: FieldError[]; message: string }
  | { kind: 'rejected'; status: number; message: string }
  | { kind: 'retry'; reason: 'network' | 'server'; message: string }
  /** Walk-in only: the officer's session is gone (401) or its CSRF token is stale (403 csrf). */
  | { kind: 'login'; message: string };

// The body is a few KB (the pages went before it): a PUT with no answer in 30 s is on a silent
// link, and the short backoff tries again sooner than waiting longer would.
const PUT_TIMEOUT_MS = 30_000;

function timeout(ms: number): AbortSignal | undefined {
  return typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(ms) : undefined;
}

async function json(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}

export function putDossier(api: ApiClient, id: string, secret: string, body: DossierSubmission): Promise<PutOutcome> {
  return putJson(api, `/api/dossiers/${encodeURIComponent(id)}`, { [DEVICE_SECRET_HEADER]: secret }, body);
}

/** The answer to a supplement request: idempotent by the request's id, like the first PUT. */
export function putSupplement(api: ApiClient, id: string, requestId: string, secret: string, body: SupplementSubmission): Promise<PutOutcome> {
  return putJson(api, `/api/dossiers/${encodeURIComponent(id)}/supplements/${encodeURIComponent(requestId)}`, { [DEVICE_SECRET_HEADER]: secret }, body);
}

/** A photo of the fee's bank transfer: idempotent by the proof's id made on the phone. */
export function putPaymentProof(api: ApiClient, id: string, proofId: string, secret: string, body: PaymentProofSubmission): Promise<PutOutcome> {
  return putJson(api, `/api/dossiers/${encodeURIComponent(id)}/payment-proofs/${encodeURIComponent(proofId)}`, { [DEVICE_SECRET_HEADER]: secret }, body);
}

/**
 * A walk-in dossier, sent by the officer's session (cookie) with its CSRF token. The device
 * secret goes along so the desk could read the status like a phone.
 */
export function putStaffDossier(api: ApiClient, id: string, secret: string, csrf: string, body: DossierSubmission): Promise<PutOutcome> {
  return putJson(api, `/api/staff/dossiers/${encodeURIComponent(id)}`, { [DEVICE_SECRET_HEADER]: secret, 'x-csrf-token': csrf }, body, 'include');
}

/** The CSRF token of the officer signed in on this device, or `null` when nobody is (401). */
export async function getStaffCsrf(api: ApiClient): Promise<string | null> {
  const res = await api.fetch(`${api.base}/api/staff/me`, { credentials: 'include', cache: 'no-store', signal: timeout(30_000) });
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(`staff session: HTTP ${res.status}`);
  const data = (await json(res)) as { csrfToken?: unknown } | undefined;
  if (typeof data?.csrfToken !== 'string') throw new Error('staff session: unreadable answer');
  return data.csrfToken;
}

async function putJson(api: ApiClient, path: string, headers: Record<string, string>, body: unknown, credentials?: RequestCredentials): Promise<PutOutcome> {
  let res: Response;
  try {
    res = await api.fetch(`${api.base}${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: timeout(PUT_TIMEOUT_MS),
      ...(credentials ? { credentials } : {}),
    });
  } catch (e) {
    return { kind: 'retry', reason: 'network', message: e instanceof Error ? e.message : String(e) };
  }
  const data = await json(res);
  if (res.status === 200 || res.status === 201) {
    const parsed = ReceiptResponse.safeParse(data);
    return parsed.success ? { kind: 'received', receipt: parsed.data.receipt } : { kind: 'retry', reason: 'server', message: 'unreadable receipt' };
  }
  const err = ApiError.partial().safeParse(data);
  const e = err.success ? err.data : {};
  const message = e.message ?? e.error ?? `HTTP ${res.status}`;
  if (credentials && (res.status === 401 || (res.status === 403 && e.error === 'csrf'))) return { kind: 'login', message };
  if (res.status === 422 || e.error === 'attachments_missing') {
    const ids = [...(e.missing ?? []), ...(e.corrupt ?? [])];
    if (ids.length) return { kind: 'missing', ids };
  }
  if (res.status === 409) return { kind: 'conflict', differences: e.differences ?? [], message };
  if (res.status === 400) return { kind: 'invalid', fields: e.fields ?? [], message };
  if (res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500 || res.status === 422) {
    return { kind: 'retry', reason: 'server', message };
  }
  return { kind: 'rejected', status: res.status, message };
}

export async function getDossierStatus(api: ApiClient, id: string, secret: string): Promise<DossierStatusResponse | null> {
  const res = await api.fetch(`${api.base}/api/dossiers/${encodeURIComponent(id)}/status`, {
    headers: { [DEVICE_SECRET_HEADER]: secret },
    cache: 'no-store',
    signal: timeout(30_000),
  });
  if (!res.ok) return null;
  const parsed = DossierStatusResponse.safeParse(await json(res));
  return parsed.success ? parsed.data : null;
}

/**
 * The catalog; `null` when the copy on the phone is current (304). With `since` (the catalog
 * version the phone holds) the server may answer only what changed (`delta: true`); a server
 * that does not know that version answers the whole catalog, so the caller checks `delta`.
 */
export async function getCatalog(api: ApiClient, have: { etag?: string; since?: string } = {}): Promise<{ catalog: Catalog; etag?: string } | null> {
  const query = have.since ? `?since=${encodeURIComponent(have.since)}` : '';
  const res = await api.fetch(`${api.base}/api/procedures${query}`, {
    headers: have.etag ? { 'if-none-match': have.etag } : {},
    cache: 'no-store',
    signal: timeout(60_000),
  });
  if (res.status === 304) return null;
  if (!res.ok) throw new Error(`catalog: HTTP ${res.status}`);
  return { catalog: await parseCatalog(await res.json()), etag: res.headers.get('etag') ?? undefined };
}

/** Procedures parsed per task: enough to keep each task short on a cheap phone. */
const PARSE_SLICE = 8;

/**
 * `Catalog.parse`, a few procedures per task: a whole catalog (hundreds of procedures on a
 * province's) parsed at once blocks a cheap phone's screen for a noticeable time.
 */
export async function parseCatalog(raw: unknown): Promise<Catalog> {
  const procedures = (raw as { procedures?: unknown } | null)?.procedures;
  if (!Array.isArray(procedures)) return Catalog.parse(raw);
  const head = Catalog.parse({ ...(raw as object), procedures: [] });
  const parsed: Procedure[] = [];
  for (let i = 0; i < procedures.length; i += PARSE_SLICE) {
    if (i > 0) await nextTask();
    parsed.push(...procedures.slice(i, i + PARSE_SLICE).map((p) => Procedure.parse(p)));
  }
  return { ...head, procedures: parsed };
}

/** Lets the page breathe between two slices of work; unlike setTimeout, not slowed in a hidden tab. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export async function getUnits(api: ApiClient, etag?: string): Promise<{ units: Unit[]; etag?: string } | null> {
  const res = await api.fetch(`${api.base}/api/units`, {
    headers: etag ? { 'if-none-match': etag } : {},
    cache: 'no-store',
    signal: timeout(60_000),
  });
  if (res.status === 304) return null;
  if (!res.ok) throw new Error(`units: HTTP ${res.status}`);
  return { units: UnitList.parse(await res.json()).units, etag: res.headers.get('etag') ?? undefined };
}


/** The result document's bytes (`null` when the commune has none to give this device). */
export async function getResultFile(api: ApiClient, id: string, secret: string): Promise<Blob | null> {
  const res = await api.fetch(`${api.base}/api/dossiers/${encodeURIComponent(id)}/result`, {
    headers: { [DEVICE_SECRET_HEADER]: secret },
    cache: 'no-store',
    signal: timeout(120_000),
  });
  if (!res.ok) return null;
  return res.blob();
}
