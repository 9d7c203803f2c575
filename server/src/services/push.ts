// Web Push: a status change reaches the person instead of them travelling to ask. The VAPID
// keys are the key set's (in the database, the same on every node). The payload is encrypted by
// web-push (RFC 8291 aes128gcm, VAPID RFC 8292); the request itself goes out with fetch, so
// the same code reaches a push service over HTTPS and a test's endpoint on 127.0.0.1. Sending
// never holds up the officer's action: it runs after the commit, and a failure is only logged.
import type { DossierDecision, StaffActionName } from '@hsc/shared';
import webpush from 'web-push';
import { translate, viOrEn, type Lang } from '../http/texts.ts';
import type { DossierRecord, Store } from '../store/store.ts';
import type { VapidKeys } from './keyset.ts';
import { TrackingService } from './tracking.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's push sender (tests wait on `settled()`). */
    push: PushService;
  }
}

export type PushEvent = 'accepted' | 'supplement_requested' | 'result_ready' | 'rescheduled' | 'refused' | 'stopped';

/** Which officer actions a person hears about, and as what. */
export const EVENT_OF: Partial<Record<StaffActionName, PushEvent>> = {
  accept: 'accepted',
  request_supplement: 'supplement_requested',
  finish: 'result_ready',
  reschedule: 'rescheduled',
  refuse: 'refused',
  stop: 'stopped',
};

/** "16:05 12/03/2026", Vietnamese time (UTC+7, no daylight saving). */
export function vnDateTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${t.slice(11, 16)} ${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
}

/** The decision each event names, and how long its list may grow in a notification. */
const PUSH_KEY: Record<PushEvent, 'accepted' | 'supplement' | 'result' | 'rescheduled' | 'refused' | 'stopped'> = {
  accepted: 'accepted',
  supplement_requested: 'supplement',
  result_ready: 'result',
  rescheduled: 'rescheduled',
  refused: 'refused',
  stopped: 'stopped',
};
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
  const body = translate(lang, `push.${PUSH_KEY[event]}`, { code: d.code, date: vnDateTime(decision?.newDueAt ?? d.dueAt), list, reason: clip(decision?.reason ?? '') });
  return { title: translate(lang, 'push.title'), body, url: `/dossiers/${d.id}`, dossierId: d.id, event };
}

// The browsers' push services. Only these may be registered: the server POSTs to whatever
// endpoint it is given, and must not be pointed at hosts inside the network.
const PUSH_HOSTS = ['.googleapis.com', '.push.services.mozilla.com', '.push.apple.com', '.notify.windows.com'];
export const isKnownPushService = (u: URL) => u.protocol === 'https:' && PUSH_HOSTS.some((h) => u.hostname.endsWith(h));

export interface PushOptions {
  /** VAPID `sub`: a mailto: or https: contact for the push services. */
  subject?: string;
  /** Which endpoints may be registered. Default: HTTPS on the browsers' push services. */
  endpointAllowed?: (url: URL) => boolean;
  log?: (msg: string) => void;
}

const b64urlBytes = (s: string) => (/^[A-Za-z0-9_-]+$/.test(s) ? Buffer.from(s, 'base64url') : Buffer.alloc(0));

export class PushService {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    /** The current VAPID pair (the key set's, read again as it rotates). */
    private readonly vapid: () => VapidKeys,
    private readonly now: () => Date,
    private readonly opts: PushOptions = {},
  ) {}

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
    await this.store.push.save({ dossierId, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, lang: viOrEn(lang), createdAt: this.now().toISOString() });
    return true;
  }

  /** Called after an officer's action is committed; returns at once. */
  afterAction(action: StaffActionName, dossier: DossierRecord): void {
    const event = EVENT_OF[action];
    if (!event) return;
    const p = this.send(event, dossier).catch((e: unknown) => this.opts.log?.(`push for ${dossier.id} failed: ${String(e)}`));
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  /** Every push started so far has been answered (tests wait on this instead of on time). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async send(event: PushEvent, dossier: DossierRecord): Promise<void> {
    const subs = await this.store.push.forDossier(dossier.id);
    const vapid = this.vapid();
    const decision = subs.length ? await new TrackingService(this.store).decision(dossier) : undefined;
    for (const sub of subs) {
      const payload = JSON.stringify(pushMessage(sub.lang, event, dossier, decision));
      const req = webpush.generateRequestDetails({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload, {
        vapidDetails: { subject: this.opts.subject ?? 'mailto:hosocong@localhost.invalid', publicKey: vapid.publicKey, privateKey: vapid.privateKey },
        TTL: 7 * 24 * 3600,
        contentEncoding: 'aes128gcm',
        urgency: 'normal',
      });
      const res = await fetch(req.endpoint, { method: req.method, headers: req.headers as Record<string, string>, body: req.body ?? undefined, signal: AbortSignal.timeout(15_000) });
      await res.arrayBuffer().catch(() => undefined);
      // 404/410: the browser unsubscribed or the subscription expired; it will never come back.
      if (res.status === 404 || res.status === 410) await this.store.push.removeEndpoint(sub.endpoint);
      else if (!res.ok) this.opts.log?.(`push service answered ${res.status} for dossier ${dossier.id}`);
    }
  }
}
