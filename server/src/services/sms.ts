// SMS: status changes for people without a smartphone, who cannot receive a push. One channel
// of notify.ts. The message is one GSM-7 segment (160 characters): Vietnamese without tones
// (a single accented letter would switch the whole message to UCS-2 and 70 characters), which
// every phone shows. It names the dossier code and what to do; the details are in the app or at
// the desk. Sent as a job (`sms.send`) written in the action's transaction, never in the
// request: a gateway that answers 429, 5xx or nothing is asked again later with backoff; a 4xx
// is a message it will never take (a bad number, a refused sender) and is logged and dropped.
// The phone is read when the job runs, so a revoked opt-in or a purged dossier gets nothing,
// and the job rows never hold it.
import type { DossierDecision, StaffUser } from '@hsc/shared';
import type { SmsGatewayConfig, SmsOptions } from '../config.ts';
import { RetryLater, type Job, type Jobs, type JobTx, type QueueOptions } from '../jobs/index.ts';
import type { DossierRecord, Store } from '../store/store.ts';
import type { SmsStore } from '../store/sms-store.ts';
import { visibleDossier } from './access.ts';
import { CHANNEL_TEXT, type NotificationChannel, type Notice, type NotifyEvent } from './notify.ts';
import { retryAfterMs, vnDateTime } from './push.ts';
import { translate, type Lang } from './texts.ts';
import { TrackingService } from './tracking.ts';

export type { SmsGatewayConfig, SmsOptions };

export const SMS_SEND = 'sms.send';
export const DEFAULT_SMS_RETRY: QueueOptions = { retryLimit: 6, retryDelayMs: 60_000, backoff: true, expireMs: 60_000 };
export const DEFAULT_SMS_BODY = '{"to":"{{to}}","text":"{{text}}"}';
/** One segment of GSM 03.38 7-bit characters. */
export const SMS_SEGMENT = 160;

// GSM 03.38: the basic table (one septet each) and the extension table (escape + one: two).
const GSM7_BASIC = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà');
const GSM7_EXTENSION = new Set('^{}\\[~]|€\f');

/** Septets the text takes in GSM-7, or undefined when a character is not in GSM-7. */
export function gsm7Length(text: string): number | undefined {
  let n = 0;
  for (const ch of text) {
    if (GSM7_BASIC.has(ch)) n += 1;
    else if (GSM7_EXTENSION.has(ch)) n += 2;
    else return undefined;
  }
  return n;
}

/**
 * Vietnamese without tones or vowel marks (đ→d), typographic punctuation made plain, anything
 * else outside GSM-7 replaced by '?': the text a basic phone shows as it was written.
 */
export function foldSms(text: string): string {
  const plain = text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’‚]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/[\u00a0\u202f]/g, ' ');
  return Array.from(plain, (ch) => (GSM7_BASIC.has(ch) || GSM7_EXTENSION.has(ch) ? ch : '?')).join('');
}

/** The message for an event, folded, in the person's language; undefined when SMS says nothing of it. */
export function smsText(lang: Lang, event: NotifyEvent, d: Pick<DossierRecord, 'code' | 'dueAt'>, decision?: DossierDecision): string | undefined {
  const key = CHANNEL_TEXT.sms[event];
  if (!key) return undefined;
  return foldSms(translate(lang, key, { code: d.code, date: vnDateTime(decision?.newDueAt ?? d.dueAt) }));
}

/** A Vietnamese mobile number in its national form (0 and nine digits), or undefined. */
export function mobileNumber(raw: string): string | undefined {
  const digits = raw.replace(/[\s.\-()]/g, '');
  const national = digits.startsWith('+84') ? `0${digits.slice(3)}` : digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
  // Mobile ranges since the 2018 renumbering: 03x, 05x, 07x, 08x, 09x.
  return /^0[35789]\d{8}$/.test(national) ? national : undefined;
}

/** The body template filled in: each value escaped for the body's type. */
export function gatewayBody(template: string, contentType: string, values: { to: string; text: string }): string {
  const escape = contentType.includes('json') ? (v: string) => JSON.stringify(v).slice(1, -1) : contentType.includes('x-www-form-urlencoded') ? encodeURIComponent : (v: string) => v;
  return template.replace(/\{\{\s*(to|text)\s*\}\}/g, (_, k: 'to' | 'text') => escape(values[k]));
}

export class SmsService implements NotificationChannel {
  readonly name = 'sms' as const;
  private jobs: Jobs | undefined;

  constructor(
    private readonly store: Store,
    private readonly optIns: SmsStore,
    private readonly now: () => Date,
    private readonly opts: SmsOptions = {},
  ) {}

  /** The dossier whose opt-in a staff member asks about, if that person may read it. */
  dossierFor(v: StaffUser, id: string): Promise<DossierRecord | undefined> {
    return visibleDossier(this.store, v, id);
  }

  /** Whether a gateway is configured (the app offers SMS only then). */
  get available(): boolean {
    return !!this.opts.gateway?.url;
  }

  async useJobs(jobs: Jobs): Promise<void> {
    await jobs.queue(SMS_SEND, { ...DEFAULT_SMS_RETRY, ...this.opts.retry });
    // A node without a gateway does not take the messages: another node may have one.
    if (this.available) await jobs.work<Notice>(SMS_SEND, (job) => this.send(job));
    this.jobs = jobs;
  }

  /** False when the number is not a Vietnamese mobile number or SMS is not offered. */
  async optIn(dossierId: string, phone: string, lang: Lang, by: { staffId: string } | 'device'): Promise<'ok' | 'invalid_phone' | 'unavailable'> {
    if (!this.available) return 'unavailable';
    const national = mobileNumber(phone);
    if (!national) return 'invalid_phone';
    await this.optIns.save({ dossierId, phone: national, lang, by: by === 'device' ? 'device' : 'staff', staffId: by === 'device' ? null : by.staffId, createdAt: this.now().toISOString() });
    return 'ok';
  }

  /** Whether the dossier has an opt-in, and its number with all but the last 3 digits hidden. */
  async status(dossierId: string): Promise<{ optedIn: boolean; phone?: string }> {
    const o = await this.optIns.get(dossierId);
    return o ? { optedIn: true, phone: `${'*'.repeat(o.phone.length - 3)}${o.phone.slice(-3)}` } : { optedIn: false };
  }

  revoke(dossierId: string): Promise<boolean> {
    return this.optIns.remove(dossierId);
  }

  async enqueue(tx: JobTx, notice: Notice): Promise<void> {
    if (!this.jobs || !this.available || !CHANNEL_TEXT.sms[notice.event]) return;
    // Sent whether or not the dossier has an opt-in now: whether it has one is read when the
    // job runs (after the commit), so an opt-in made meanwhile is not missed.
    await this.jobs.send<Notice>(SMS_SEND, notice, { tx });
  }

  async pending(): Promise<number> {
    return this.jobs ? this.jobs.pending([SMS_SEND]) : 0;
  }

  private async send(job: Job<Notice>): Promise<void> {
    const { dossierId, event } = job.data;
    const gateway = this.opts.gateway;
    const optIn = await this.optIns.get(dossierId);
    if (!gateway?.url || !optIn) return;
    const dossier = await this.store.getDossier(dossierId);
    if (!dossier) return;
    const decision = event === 'rescheduled' ? await new TrackingService(this.store).decision(dossier) : undefined;
    const text = smsText(optIn.lang, event, dossier, decision);
    if (!text) return;
    const contentType = gateway.contentType ?? 'application/json';
    const headers: Record<string, string> = { 'content-type': contentType };
    if (gateway.token) headers.authorization = `Bearer ${gateway.token}`;
    else if (gateway.user) headers.authorization = `Basic ${Buffer.from(`${gateway.user}:${gateway.password ?? ''}`).toString('base64')}`;
    const body = gatewayBody(gateway.body ?? DEFAULT_SMS_BODY, contentType, { to: `+84${optIn.phone.slice(1)}`, text });
    let res: Response;
    try {
      res = await fetch(gateway.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(gateway.timeoutMs ?? 15_000) });
    } catch (e) {
      // No answer (timeout, refused connection): the gateway may be down for a while.
      throw new RetryLater(`SMS gateway did not answer (${(e as Error).name})`);
    }
    // The answer may repeat the number: never read into a log.
    await res.arrayBuffer().catch(() => undefined);
    if (res.status === 429 || res.status >= 500) throw new RetryLater(`SMS gateway answered ${res.status}`, retryAfterMs(res.headers.get('retry-after'), Date.now()));
    if (!res.ok) this.opts.log?.(`SMS gateway answered ${res.status} for dossier ${dossierId} (${event}); not sent again`);
  }
}
