// An in-process stand-in for the commune's server, speaking the API contract: tus uploads land
// in a map (checked against their SHA-256), PUT is idempotent by dossier id, and the test can
// make it lose answers, forget files, or refuse content.
import type { DossierStatusResponse, DossierSubmission, PaymentProofSubmission, Receipt, SupplementSubmission } from '@hsc/shared/schemas';
import { sha256Hex } from '../capture/hash.ts';
import type { Fetch } from '../sync/api.ts';
import { createSyncEngine } from '../sync/engine.ts';
import { ProgressStore } from '../sync/progress.ts';
import { UploadFailure, type Uploader, type UploadJob } from '../sync/uploader.ts';

export const BASE = 'http://commune.test';

interface Stored {
  body: string;
  receipt: Receipt;
  secret: string;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function createFakeServer() {
  const files = new Map<string, { sha256: string; bytes: Uint8Array }>();
  const dossiers = new Map<string, Stored>();
  const uploadCalls: UploadJob[] = [];
  let sequence = 0;

  const behaviour = {
    /** The next N PUTs are stored but the answer never reaches the phone. */
    loseResponses: 0,
    /** The next N requests of any kind fail like a dropped connection. */
    networkDown: 0,
    /** The next N uploads fail after the upload URL exists (a cut mid-way). */
    cutUploads: 0,
    /** Dossier ids answered with 409 / 400. */
    conflict: new Set<string>(),
    invalid: new Set<string>(),
    /** Attachment ids the server "forgets" once, as if their file were lost. */
    forgetOnce: new Set<string>(),
    /** What the status says beyond the default (an open supplement request, a result). */
    status: new Map<string, Partial<DossierStatusResponse>>(),
    /** Bytes served at `GET /api/dossiers/:id/result`. */
    resultBytes: new Map<string, Uint8Array>(),
    /** Supplement request ids answered with 409 / 400. */
    supplementConflict: new Set<string>(),
    supplementInvalid: new Set<string>(),
    /** The officer's CSRF token while signed in; `null`: no session (401). */
    staffCsrf: 'csrf-token-1' as string | null,
  };
  /** Answers to supplement requests, by request id. */
  const supplements = new Map<string, { body: string; receipt: Receipt }>();
  /** Transfer photos sent for a fee, by proof id. */
  const paymentProofs = new Map<string, { body: string; receipt: Receipt }>();
  /** Every request as the server saw it, for asserting what went where. */
  const requests: { method: string; path: string; headers: Headers; credentials?: RequestCredentials }[] = [];

  const fetch: Fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    if (behaviour.networkDown > 0) {
      behaviour.networkDown--;
      throw new TypeError('Failed to fetch');
    }
    const headers = new Headers(init?.headers);
    requests.push({ method, path: url.pathname, headers, credentials: init?.credentials });
    const secret = headers.get('x-dossier-secret') ?? '';

    if (url.pathname === '/api/staff/me') {
      if (behaviour.staffCsrf === null) return json(401, { error: 'unauthenticated', message: 'sign in' });
      return json(200, { user: { id: 'u1', username: 'demo.officer', displayName: 'Cán bộ', role: 'officer', unitCode: '05716' }, csrfToken: behaviour.staffCsrf });
    }
    const staff = /^\/api\/staff\/dossiers\/([^/]+)$/.exec(url.pathname);
    if (staff && method === 'PUT') {
      if (init?.credentials !== 'include' || behaviour.staffCsrf === null) return json(401, { error: 'unauthenticated', message: 'sign in' });
      if (headers.get('x-csrf-token') !== behaviour.staffCsrf) return json(403, { error: 'csrf', message: 'csrf' });
      return putDossier(decodeURIComponent(staff[1]!), String(init?.body), secret);
    }
    const supp = /^\/api\/dossiers\/([^/]+)\/(supplements|payment-proofs)\/([^/]+)$/.exec(url.pathname);
    if (supp && method === 'PUT') return putFollowUp(supp[2] as 'supplements' | 'payment-proofs', decodeURIComponent(supp[1]!), decodeURIComponent(supp[3]!), String(init?.body), secret);
    const result = /^\/api\/dossiers\/([^/]+)\/result$/.exec(url.pathname);
    if (result && method === 'GET') {
      const id = decodeURIComponent(result[1]!);
      const bytes = behaviour.resultBytes.get(id);
      if (!bytes || dossiers.get(id)?.secret !== secret) return json(404, { error: 'not_found', message: 'unknown' });
      return new Response(bytes.slice(), { status: 200, headers: { 'content-type': 'application/pdf' } });
    }
    const m = /^\/api\/dossiers\/([^/]+)(\/status)?$/.exec(url.pathname);
    if (!m) return json(404, { error: 'not_found', message: 'no route' });
    const id = decodeURIComponent(m[1]!);

    if (m[2] && method === 'GET') {
      const s = dossiers.get(id);
      if (!s || s.secret !== secret) return json(404, { error: 'not_found', message: 'unknown' });
      return json(200, {
        receipt: s.receipt,
        status: 'accepted',
        dueAt: s.receipt.dueAt,
        timeline: [
          { status: 'registered', at: s.receipt.receivedAt },
          { status: 'accepted', at: '2026-11-26T03:00:00.000Z' },
        ],
        ...behaviour.status.get(id),
      });
    }
    if (method !== 'PUT') return json(405, { error: 'method', message: 'no' });
    return putDossier(id, String(init?.body), secret);
  };

  /** An answer to a supplement request, or a fee's transfer photo: both named by an id, both idempotent. */
  function putFollowUp(kind: 'supplements' | 'payment-proofs', id: string, requestId: string, body: string, secret: string): Response {
    const d = dossiers.get(id);
    if (!d || d.secret !== secret) return json(404, { error: 'not_found', message: 'unknown' });
    if (behaviour.supplementConflict.has(requestId)) return json(409, { error: 'invalid_transition', message: 'request closed' });
    if (behaviour.supplementInvalid.has(requestId)) {
      return json(400, { error: 'invalid', message: 'invalid', fields: [{ path: 'documents.idCard', code: 'missingDocument', message: 'missing' }] });
    }
    const parsed = JSON.parse(body) as SupplementSubmission | PaymentProofSubmission;
    const attachments = 'attachment' in parsed ? [parsed.attachment] : parsed.attachments;
    for (const a of attachments) {
      if (behaviour.forgetOnce.delete(a.id)) files.delete(a.id);
    }
    const missing = attachments.filter((a) => !files.has(a.id)).map((a) => a.id);
    if (missing.length) return json(422, { error: 'attachments_missing', message: 'missing', missing, corrupt: [] });
    const kept = kind === 'supplements' ? supplements : paymentProofs;
    const existing = kept.get(requestId);
    if (existing) {
      if (existing.body !== body) return json(409, { error: 'conflict', message: 'different content', differences: ['attachments'] });
    } else {
      const documents = attachments.map((a) => ({ attachmentId: a.id, slot: a.slot, sha256: a.sha256, size: a.size }));
      const receipt: Receipt =
        kind === 'supplements'
          ? { ...d.receipt, status: 'registered', receivedAt: '2026-11-27T02:00:00.000Z', dueAt: '2026-11-27T10:00:00.000Z', documents, supplementId: requestId }
          : { ...d.receipt, status: 'financial_requested', receivedAt: '2026-11-27T03:00:00.000Z', documents, paymentProofId: requestId };
      kept.set(requestId, { body, receipt });
    }
    const stored = kept.get(requestId)!;
    if (behaviour.loseResponses > 0) {
      behaviour.loseResponses--;
      throw new TypeError('network connection was lost');
    }
    return json(existing ? 200 : 201, { receipt: stored.receipt });
  }

  function putDossier(id: string, body: string, secret: string): Response {
    const sub = JSON.parse(body) as DossierSubmission;
    if (behaviour.conflict.has(id)) return json(409, { error: 'conflict', message: 'different content', differences: ['applicant.fullName'] });
    if (behaviour.invalid.has(id)) {
      return json(400, { error: 'invalid', message: 'invalid', fields: [{ path: 'applicant.phone', code: 'phone', message: 'bad phone' }] });
    }
    for (const a of sub.attachments) {
      if (behaviour.forgetOnce.delete(a.id)) files.delete(a.id);
    }
    const missing = sub.attachments.filter((a) => !files.has(a.id)).map((a) => a.id);
    if (missing.length) return json(422, { error: 'attachments_missing', message: 'missing', missing, corrupt: [] });

    const existing = dossiers.get(id);
    let status = 200;
    if (existing) {
      if (existing.body !== body) return json(409, { error: 'conflict', message: 'different content', differences: ['body'] });
    } else {
      status = 201;
      const receipt: Receipt = {
        dossierId: id,
        code: `H19.${sub.unitCode}-261126-${String(++sequence).padStart(4, '0')}`,
        lookupCode: 'K3QX',
        unitCode: sub.unitCode,
        procedureCode: sub.procedureCode,
        status: 'registered',
        receivedAt: '2026-11-26T02:15:00.000Z',
        dueAt: '2026-11-26T10:00:00.000Z',
        documents: sub.attachments.map((a) => ({ attachmentId: a.id, slot: a.slot, sha256: a.sha256, size: a.size })),
      };
      dossiers.set(id, { body, receipt, secret });
    }
    if (behaviour.loseResponses > 0) {
      behaviour.loseResponses--;
      throw new TypeError('network connection was lost');
    }
    return json(status, { receipt: dossiers.get(id)!.receipt });
  }

  const uploader: Uploader = {
    async upload(job) {
      uploadCalls.push(job);
      if (behaviour.networkDown > 0) {
        behaviour.networkDown--;
        throw new UploadFailure('network down');
      }
      const id = job.metadata.attachmentId!;
      await job.onUrl(job.uploadUrl ?? `${BASE}/api/uploads/${id}`);
      if (behaviour.cutUploads > 0) {
        behaviour.cutUploads--;
        job.onProgress(Math.floor(job.file.size / 2), job.file.size);
        throw new UploadFailure('connection cut');
      }
      const bytes = new Uint8Array(await job.file.arrayBuffer());
      const sha256 = await sha256Hex(job.file);
      if (sha256 !== job.metadata.sha256) throw new UploadFailure('checksum mismatch', 460);
      job.onProgress(job.file.size, job.file.size);
      files.set(id, { sha256, bytes });
    },
  };

  return { fetch, uploader, files, dossiers, supplements, paymentProofs, requests, uploadCalls, behaviour };
}

/**
 * The outbox engine against this fake commune, with the test's clock and network: no jitter
 * (`random` 0.5, so backoff delays are exactly 2 s, 4 s, 8 s …).
 */
export function fakeServerEngine(server: ReturnType<typeof createFakeServer>, clock: () => number, online: () => boolean = () => true, progress = new ProgressStore()) {
  return createSyncEngine({ api: { fetch: server.fetch, base: BASE }, uploader: server.uploader, progress, now: clock, random: () => 0.5, isOnline: online });
}
