// Web Push: a status change reaches the person instead of them travelling to ask. The VAPID
// keys are the key set's (in the database, the same on every node). The payload is encrypted by
// web-push (RFC 8291 aes128gcm, VAPID RFC 8292); the request itself goes out with fetch, so
// the same code reaches a push service over HTTPS and a test's endpoint on 127.0.0.1. Sending
// never holds up the officer's action and survives a crash: the action's transaction sends a
// job (`push.fanout`), which after the commit sends one job per subscription (`push.deliver`);
// a push service that answers 429 or 5xx is asked again later (its Retry-After, else backoff).
// It is one channel of notify.ts, which decides what is told and in which words.
import type { DossierDecision } from '@hsc/shared';
import webpush from 'web-push';
import { translate, type Lang } from './texts.ts';
import type { PushOptions } from '../config.ts';
import { RetryLater, type Job, type Jobs, type JobTx, type QueueOptions } from '../jobs/index.ts';
import type { DossierRecord, Store } from '../store/store.ts';
import type { VapidKeys } from './keyset.ts';
import { CHANNEL_TEXT, type NotificationChannel, type Notice, type NotifyEvent } from './notify.ts';
import { TrackingService } from './tracking.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's push sender (tests wait on `settled()`). */
    push: PushService;
  }
}

/** The events a push tells (notify.ts decides which; the fee request is not one of them). */
export type PushEvent = Exclude<NotifyEvent, 'fee_requested'>;

/** "16:05 12/03/2026", Vietnamese time (UTC+7, no daylight saving). */
export function vnDateTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${t.slice(11, 16)} ${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
}

/** How long a list (reasons, items asked for) may grow in a notification. */
const LIST_MAX = 240;
const clip = (s: string) => (s.length > LIST_MAX ? `${s.slice(0, LIST_MAX - 1)}…` : s);

/** What the service worker receives (web/public/push-sw.js shows it; a tap opens `url`). */
export interface PushMessage {
  title: string;
  body: string;
  url: string;
  dossierId: string;
  event: PushEvent;
}

/** The notification names the decision: its reasons, the items asked for, the new date. */
export function pushMessage(lang: Lang, event: PushEvent, d: Pick<DossierRecord, 'id' | 'code' | 'dueAt'>, decision?: DossierDecision): PushMessage {
  const items = (decision?.items ?? []).map((i) => i.label);
  const list = clip((decision?.reasons ?? items).join('; '));
  const body = translate(lang, CHANNEL_TEXT.push[event]!, { code: d.code, date: vnDateTime(decision?.newDueAt ?? d.dueAt), list, reason: clip(decision?.reason ?? '') });
  return { title: translate(lang, 'push.title'), body, url: `/dossiers/${d.id}`, dossierId: d.id, event };
}

// The browsers' push services. Only these may be registered: the server POSTs to whatever
// endpoint it is given, and must not be pointed at hosts inside the network.
const PUSH_HOSTS = ['.googleapis.com', '.push.services.mozilla.com', '.push.apple.com', '.notify.windows.com'];
export const isKnownPushService = (u: URL) => u.protocol === 'https:' && PUSH_HOSTS.some((h) => u.hostname.endsWith(h));

export type { PushOptions };

export const PUSH_FANOUT = 'push.fanout';
export const PUSH_DELIVER = 'push.deliver';
/** About 2 h of retries (30 s … 64 min); the message itself lives 7 days at the push service. */
export const DEFAULT_PUSH_RETRY: QueueOptions = { retryLimit: 8, retryDelayMs: 30_000, backoff: true, expireMs: 60_000 };

/** Its `id` is made when the action is committed, kept by every retry of the fan-out (its deliveries' keys). */
type FanOut = Notice & { event: PushEvent };
interface Delivery {
  dossierId: string;
  endpoint: string;
  message: PushMessage;
}

/** Retry-After (RFC 9110): seconds, or an HTTP date; milliseconds from now, capped at a day. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), 86_400_000) : undefined;
}

const b64urlBytes = (s: string) => (/^[A-Za-z0-9_-]+$/.test(s) ? Buffer.from(s, 'base64url') : Buffer.alloc(0));

export class PushService implements NotificationChannel {
  readonly name = 'push' as const;
  private jobs: Jobs | undefined;

  constructor(
    private readonly store: Store,
    /** The current VAPID pair (the key set's, read again as it rotates). */
    private readonly vapid: () => VapidKeys,
    private readonly now: () => Date,
    private readonly opts: PushOptions = {},
  ) {}

  /** Declares the push queues and works them on this node. */
  async useJobs(jobs: Jobs): Promise<void> {
    const retry = { ...DEFAULT_PUSH_RETRY, ...this.opts.retry };
    await jobs.queue(PUSH_FANOUT, retry);
    await jobs.queue(PUSH_DELIVER, retry);
    await jobs.work<FanOut>(PUSH_FANOUT, (job) => this.fanOut(job));
    await jobs.work<Delivery>(PUSH_DELIVER, (job) => this.deliver(job.data));
    this.jobs = jobs;
  }

  /** The application server key the browser subscribes with (base64url, 65 bytes). */
  publicKey(): string {
    return this.vapid().publicKey;
  }

  /** False when the subscription cannot be one a browser made, or points elsewhere. */
  async subscribe(dossierId: string, sub: { endpoint: string; keys: { p256dh: string; auth: string } }, lang: Lang): Promise<boolean> {
    let url: URL;
    try {
      url = new URL(sub.endpoint);
    } catch {
      return false;
    }
    const allowed = this.opts.endpointAllowed ?? isKnownPushService;
    const p256dh = b64urlBytes(sub.keys.p256dh);
    if (!allowed(url) || p256dh.length !== 65 || p256dh[0] !== 4 || b64urlBytes(sub.keys.auth).length !== 16) return false;
    await this.store.push.save({ dossierId, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, lang, createdAt: this.now().toISOString() });
    return true;
  }

  /** The fan-out job, written in the action's transaction (notify.ts calls it for the events a push tells). */
  async enqueue(tx: JobTx, notice: Notice): Promise<void> {
    if (!this.jobs || !CHANNEL_TEXT.push[notice.event]) return;
    await this.jobs.send<FanOut>(PUSH_FANOUT, { ...notice, event: notice.event as PushEvent }, { tx });
  }

  async pending(): Promise<number> {
    return this.jobs ? this.jobs.pending([PUSH_FANOUT, PUSH_DELIVER]) : 0;
  }

  /** Every push sent so far has been delivered or given up (tests wait on this instead of on time). */
  async settled(timeoutMs = 15_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ((await this.pending()) > 0) {
      if (Date.now() > until) throw new Error('push jobs still pending');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** One delivery job per subscription, with the message in its language as of now. */
  private async fanOut(job: Job<FanOut>): Promise<void> {
    const { id, dossierId, event } = job.data;
    const dossier = await this.store.getDossier(dossierId);
    if (!dossier || !this.jobs) return;
    const subs = await this.store.push.forDossier(dossierId);
    const decision = subs.length ? await new TrackingService(this.store).decision(dossier) : undefined;
    for (const sub of subs) {
      // Keyed by this fan-out: a fan-out retried after a crash does not notify anyone twice.
      await this.jobs.send<Delivery>(PUSH_DELIVER, { dossierId, endpoint: sub.endpoint, message: pushMessage(sub.lang, event, dossier, decision) }, { key: `${id}:${sub.endpoint}` });
    }
  }

  private async deliver({ dossierId, endpoint, message }: Delivery): Promise<void> {
    // Read now: a subscription removed meanwhile (410 on another dossier, a purge) gets nothing.
    const sub = (await this.store.push.forDossier(dossierId)).find((s) => s.endpoint === endpoint);
    if (!sub) return;
    const vapid = this.vapid();
    const req = webpush.generateRequestDetails({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, JSON.stringify(message), {
      vapidDetails: { subject: this.opts.subject ?? 'mailto:hosocong@localhost.invalid', publicKey: vapid.publicKey, privateKey: vapid.privateKey },
      TTL: 7 * 24 * 3600,
      contentEncoding: 'aes128gcm',
      urgency: 'normal',
    });
    const res = await fetch(req.endpoint, { method: req.method, headers: req.headers as Record<string, string>, body: req.body ?? undefined, signal: AbortSignal.timeout(15_000) });
    await res.arrayBuffer().catch(() => undefined);
    // 404/410: the browser unsubscribed or the subscription expired; it will never come back.
    if (res.status === 404 || res.status === 410) await this.store.push.removeEndpoint(sub.endpoint);
    else if (res.status === 429 || res.status >= 500) throw new RetryLater(`push service answered ${res.status}`, retryAfterMs(res.headers.get('retry-after'), Date.now()));
    else if (!res.ok) this.opts.log?.(`push service answered ${res.status} for dossier ${dossierId}`);
  }
}
