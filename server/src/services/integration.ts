// The province's one-stop system reads us here: the event feed (pulled with an API key), the
// webhooks (each event POSTed to each receiver, signed, at least once, in order per dossier)
// and the full export of a dossier. The events themselves are written by the store in the
// transaction of each status change (store/kysely-integration.ts).
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { TimelineEntry } from '@hsc/shared';
import { portalStatus } from '@hsc/shared/integration';
import type { Jobs, QueueOptions } from '../jobs/index.ts';
import type { ApiKeyRecord, ClaimedDelivery } from '../store/kysely-integration.ts';
import type { Store } from '../store/store.ts';

/** An integration API key as `authenticate` finds it (the routes keep it on the request). */
export type { ApiKeyRecord } from '../store/kysely-integration.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The feed, the webhooks and the export (tests call `deliverDue` themselves). */
    integration: IntegrationService;
  }
}

export interface IntegrationOptions {
  /** The key-encryption key: receivers' HMAC secrets are kept sealed with it. */
  kek: Buffer;
  /** How long one POST may take before it counts as failed. Default 10 s. */
  timeoutMs?: number;
  /** Deliveries claimed at once. Default 50. */
  batch?: number;
  log?: (message: string) => void;
}

/** First retry after 10 s, doubling, at most an hour apart; a delivery is never given up. */
export const RETRY_BASE_MS = 10_000;
export const RETRY_MAX_MS = 3_600_000;
export const retryDelayMs = (attempts: number) => Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);

/** A call of deliverDue starts no new round after this long (a job's run stays well inside its expiry). */
const MAX_RUN_MS = 120_000;

/** How long the row of an accepted delivery is kept. */
export const DELIVERED_KEEP_MS = 30 * 86_400_000;

/** How far a receiver should accept a signature's timestamp from its own clock. */
export const SIGNATURE_TOLERANCE_S = 300;

/** `sha256=<hex>` of HMAC-SHA256(secret, `<timestamp>.<raw body>`). */
export function webhookSignature(secret: string, timestamp: number, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/**
 * What a receiver does with a POST (documented in server/README.md; the tests' receiver uses
 * it): recompute the signature over the timestamp header and the raw bytes, compare in
 * constant time, and refuse a timestamp more than 5 minutes from its own clock.
 */
export function verifyWebhook(secret: string, headers: { timestamp?: string; signature?: string }, body: string | Buffer, nowMs: number): boolean {
  const ts = Number(headers.timestamp);
  if (!headers.timestamp || !Number.isInteger(ts) || Math.abs(nowMs / 1000 - ts) > SIGNATURE_TOLERANCE_S) return false;
  const expected = Buffer.from(webhookSignature(secret, ts, body));
  const given = Buffer.from(headers.signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');
const aad = (receiverId: string) => Buffer.from(`hosocong:webhook:${receiverId}`);

function sealSecret(kek: Buffer, receiverId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(receiverId));
  const ct = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, ct, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

function unsealSecret(kek: Buffer, receiverId: string, sealed: string): string {
  const [v, iv, ct, tag] = sealed.split('.');
  if (v !== 'v1' || !iv || !ct || !tag) throw new Error(`receiver ${receiverId}: unknown sealed secret format`);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(iv, 'base64url'));
  decipher.setAAD(aad(receiverId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

export type ReceiverUrlProblem = 'invalid_url';

export interface DeliveryReport {
  delivered: number;
  failed: number;
}

const json = <T = unknown>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export class IntegrationService {
  private running: Promise<DeliveryReport> | undefined;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly opts: IntegrationOptions,
  ) {}

  // ---- API keys ----

  /** A new key for a system; the key is returned once and only its SHA-256 is kept. */
  async createKey(name: string): Promise<{ id: string; name: string; key: string }> {
    const key = `hsci_${randomBytes(32).toString('base64url')}`;
    const id = randomUUID();
    await this.store.integration.addKey({ id, name, keyHash: sha256Hex(key), createdAt: this.now().toISOString(), revokedAt: null });
    return { id, name, key };
  }

  revokeKey(idOrName: string): Promise<number> {
    return this.store.integration.revokeKey(idOrName, this.now().toISOString());
  }

  /** The key record for a presented key, unless unknown or revoked. */
  async authenticate(key: string | undefined): Promise<ApiKeyRecord | undefined> {
    if (!key || key.length > 200) return undefined;
    const record = await this.store.integration.keyByHash(sha256Hex(key));
    return record && !record.revokedAt ? record : undefined;
  }

  // ---- The pull feed ----

  /** `{"events":[…],"next":n}` with each event's stored bytes, in id order. */
  async eventsJson(after: number, limit: number): Promise<string> {
    const events = await this.store.integration.events(after, limit);
    const next = events.length > 0 ? events[events.length - 1]!.id : after;
    return `{"events":[${events.map((e) => e.body).join(',')}],"next":${next}}`;
  }

  // ---- Webhook receivers ----

  /** Registers a receiver; its HMAC secret is returned once (kept sealed with the KEK). */
  async addReceiver(name: string, url: string): Promise<{ id: string; name: string; url: string; secret: string } | ReceiverUrlProblem> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'invalid_url';
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'invalid_url';
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.store.integration.addReceiver({ id, name, url: parsed.toString(), sealedSecret: sealSecret(this.opts.kek, id, secret), createdAt: this.now().toISOString(), disabledAt: null });
    return { id, name, url: parsed.toString(), secret };
  }

  disableReceiver(idOrName: string): Promise<number> {
    return this.store.integration.disableReceiver(idOrName, this.now().toISOString());
  }

  /**
   * Sends what is due at `now`, round after round, until nothing more is due (a failed POST is
   * due again only after its backoff). One run at a time per process; other nodes take other
   * deliveries (the store's claim).
   */
  deliverDue(now: Date = this.now()): Promise<DeliveryReport> {
    if (this.running) return this.running;
    this.running = this.runDeliveries(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async runDeliveries(now: Date): Promise<DeliveryReport> {
    const report: DeliveryReport = { delivered: 0, failed: 0 };
    const timeoutMs = this.opts.timeoutMs ?? 10_000;
    // A claim outlives the POST's timeout, so no other node takes a delivery still in flight.
    const leaseMs = timeoutMs * 3 + 30_000;
    // `now` moves on with the time the rounds take, so a late round's claims still last their
    // lease and its retries are counted from when they failed.
    const started = performance.now();
    const at = () => new Date(now.getTime() + Math.round(performance.now() - started));
    for (let round = 0; round < 100 && performance.now() - started < MAX_RUN_MS; round++) {
      const t = at();
      const claimed = await this.store.integration.claim(t.toISOString(), new Date(t.getTime() + leaseMs).toISOString(), this.opts.batch ?? 50);
      if (claimed.length === 0) break;
      // At most one event per receiver and dossier is claimed, so these may all go at once.
      const outcomes = await Promise.all(claimed.map((d) => this.post(d, t, timeoutMs)));
      const done = at();
      for (const [i, problem] of outcomes.entries()) {
        const d = claimed[i]!;
        if (problem === null) {
          await this.store.integration.delivered(d.receiverId, d.eventId, done.toISOString());
          report.delivered++;
        } else {
          await this.store.integration.failed(d.receiverId, d.eventId, new Date(done.getTime() + retryDelayMs(d.attempts)).toISOString(), problem);
          report.failed++;
        }
      }
    }
    // Accepted deliveries are kept a while for questions ("did the province get it?"), then go;
    // the events themselves stay.
    await this.store.integration.pruneDelivered(new Date(now.getTime() - DELIVERED_KEEP_MS).toISOString());
    return report;
  }

  /** Null when the receiver answered 2xx; otherwise what went wrong. */
  private async post(d: ClaimedDelivery, now: Date, timeoutMs: number): Promise<string | null> {
    try {
      const secret = unsealSecret(this.opts.kek, d.receiverId, d.sealedSecret);
      const timestamp = Math.floor(now.getTime() / 1000);
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hsc-event-id': String(d.eventId),
          'x-hsc-timestamp': String(timestamp),
          'x-hsc-signature': webhookSignature(secret, timestamp, d.body),
        },
        body: d.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.body?.cancel().catch(() => undefined);
      return res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`;
    } catch (e) {
      const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      this.opts.log?.(`webhook delivery of event ${d.eventId} to receiver ${d.receiverId} failed (attempt ${d.attempts}): ${message}`);
      return message;
    }
  }

  // ---- The export ----

  /** Everything the province's system keeps of a dossier (no file bytes); audited. */
  async exportDossier(id: string, key: ApiKeyRecord): Promise<Record<string, unknown> | undefined> {
    const d = await this.store.getDossier(id);
    if (!d) return undefined;
    const [unit, timeline, supplements, forms, documents, proofs, events, result] = await Promise.all([
      this.store.getUnit(d.unitCode),
      this.store.timeline(d.id),
      this.store.desk.supplements(d.id),
      this.store.desk.forms(d.id),
      this.store.desk.documents(d.id),
      this.store.paymentProofs.list(d.id),
      this.store.integration.dossierEvents(d.id),
      d.resultId ? this.store.desk.result(d.resultId) : Promise.resolve(undefined),
    ]);
    const proofFiles = new Map((await this.store.getAttachments(proofs.map((p) => p.attachmentId))).map((a) => [a.id, a]));
    await this.store.audit.append({ at: this.now().toISOString(), actorKind: 'system', dossierId: d.id, action: 'integration_export', details: { keyId: key.id, keyName: key.name } });
    return {
      dossier: {
        id: d.id,
        code: d.code,
        unitCode: d.unitCode,
        unitName: unit?.name ?? null,
        agencyId: unit?.agencyId ?? null,
        procedureCode: d.procedureCode,
        procedureVersion: d.procedureVersion,
        channel: d.channel,
        status: d.status,
        portalStatus: portalStatus(d.status),
        receivedAt: d.receivedAt,
        clockFrom: d.clockFrom,
        dueAt: d.dueAt,
        rescheduled: d.rescheduled,
        finishedAt: d.finishedAt,
        payment: json(d.payment),
      },
      // The submission exactly as the device (or the desk) sent it: applicant, fields, pages.
      submission: JSON.parse(d.body) as unknown,
      // Each receipt as issued and signed (JSON.stringify of one gives back the stored text).
      receipts: [
        { kind: 'submission', receipt: JSON.parse(d.receipt) as unknown },
        ...supplements.filter((s) => s.receipt).map((s) => ({ kind: 'supplement', supplementId: s.id, receipt: JSON.parse(s.receipt!) as unknown })),
        ...proofs.map((p) => ({ kind: 'payment_proof', paymentProofId: p.id, receipt: JSON.parse(p.receipt) as unknown })),
      ],
      supplements: supplements.map((s) => ({
        id: s.id,
        requestedAt: s.requestedAt,
        items: json(s.items),
        formId: s.formId,
        overrideReason: s.overrideReason,
        answeredAt: s.answeredAt,
        submission: json(s.body),
      })),
      timeline: timeline satisfies TimelineEntry[],
      // Mẫu 01-04 as issued, each with its `signed` text, `signature` and `kid`.
      forms: forms.map((f) => JSON.parse(f.body) as unknown),
      pages: documents.map((x) => ({
        attachmentId: x.attachment.id,
        slot: x.slot,
        version: x.version,
        supplementId: x.supplementId,
        position: x.position,
        fileName: x.attachment.fileName,
        mediaType: x.attachment.mediaType,
        size: x.attachment.size,
        sha256: x.attachment.sha256,
      })),
      paymentProofs: proofs.map((p) => {
        const a = proofFiles.get(p.attachmentId);
        return { id: p.id, attachmentId: p.attachmentId, slot: 'payment', receivedAt: p.receivedAt, size: a?.size ?? null, sha256: a?.sha256 ?? null, mediaType: a?.mediaType ?? null };
      }),
      result: result ? { id: result.id, fileName: result.fileName, mediaType: result.mediaType, size: result.size, sha256: result.sha256, uploadedAt: result.uploadedAt } : null,
      events: events.map((e) => JSON.parse(e.body) as unknown),
    };
  }
}

export const WEBHOOKS_JOB = 'integration.deliver';
/** A failed round is not retried: the next period's round takes what is still due. */
const WEBHOOKS_QUEUE: QueueOptions = { retryLimit: 0, retryDelayMs: 1000, backoff: false, expireMs: 5 * 60_000 };

/** A `deliverDue` round as a job, one per `everyMs` across every node (each round sends all that is due). */
export async function scheduleDeliveries(jobs: Jobs, integration: IntegrationService, everyMs: number, log: { info(o: object, m: string): void }): Promise<void> {
  await jobs.queue(WEBHOOKS_JOB, WEBHOOKS_QUEUE);
  await jobs.work(WEBHOOKS_JOB, async () => {
    const report = await integration.deliverDue();
    if (report.delivered + report.failed > 0) log.info({ webhooks: report }, 'webhook deliveries');
  });
  await jobs.every(WEBHOOKS_JOB, everyMs);
}
