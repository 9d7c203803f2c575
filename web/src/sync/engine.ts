// The outbox engine: no React, no timers of its own, runnable in Node. One pass sends every
// queued dossier (pages first through tus, then the dossier itself) and refreshes the status of
// the dossiers the commune already has. Each dossier is handled on its own: a failure sets that
// one aside or schedules its retry, and the pass goes on to the next.
import { listAttachments, markNotUploaded, markUploaded, setUploadUrl } from '../db/attachments.ts';
import {
  listByState,
  markAttention,
  markReceived,
  markRetry,
  markSending,
  requeueInterrupted,
  saveStatus,
  toSubmission,
} from '../db/dossiers.ts';
import type { AttachmentRecord, DossierError, DossierRecord } from '../db/types.ts';
import { receiveWalkin } from '../db/walkin.ts';
import { getDossierStatus, getStaffCsrf, putDossier, putStaffDossier, type ApiClient, type PutOutcome } from './api.ts';
import { deliver } from './deliver.ts';
import type { OutboxLock } from './lock.ts';
import { LinkStore, ProgressStore } from './progress.ts';
import { Permanent, Transient } from './errors.ts';
import { createFollowUpSender, paymentProofQueue, supplementQueue } from './follow-ups.ts';
import { UploadFailure, type Uploader } from './uploader.ts';

export interface SyncDeps {
  api: ApiClient;
  uploader: Uploader;
  progress?: ProgressStore;
  now?: () => number;
  random?: () => number;
  isOnline?: () => boolean;
  /**
   * Held for a whole pass, so two tabs (two engines on one database) never send at once. Without
   * it the caller guarantees a single sender, as the Node tools do.
   */
  lock?: OutboxLock;
  /**
   * Told when a request gets an answer (any HTTP status) or an upload moves, and when a try gets
   * none while `isOnline()`: the runner wakes the outbox on the first answer after a silence.
   */
  link?: LinkStore;
}

export interface PassReport {
  sent: string[];
  retrying: string[];
  attention: string[];
  offline: boolean;
  /** Another tab held the outbox: nothing was touched. */
  busy?: boolean;
  /** When the next pass should run by itself, if anything is waiting. */
  nextWakeAt?: number;
}

/** How often to look again while offline or while another tab holds the outbox. */
export const IDLE_RECHECK_MS = 30_000;
/** Uploads the server refuses outright this many times in a row set the dossier aside. */
const MAX_UPLOAD_REJECTIONS = 5;
/** Status is asked again at most this often per dossier (visibility changes come in bursts). */
const STATUS_MIN_INTERVAL_MS = 30_000;
/** Statuses after which the commune will not change the dossier any more. */
const FINAL_STATUSES = new Set(['refused', 'withdrawn', 'stopped', 'returned']);

export function createSyncEngine(deps: SyncDeps) {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const isOnline = deps.isOnline ?? (() => true);
  const progress = deps.progress ?? new ProgressStore(now);
  const link = deps.link ?? new LinkStore();
  // Every request of the engine tells the link whether an answer came; an answer of any status
  // means the network passes data again.
  const api: ApiClient = {
    base: deps.api.base,
    fetch: watchFetch(deps.api.fetch, link, isOnline),
  };

  /** `d` names the dossier the pages belong to and how many tries it (or its answer) had. */
  async function uploadPages(d: Pick<DossierRecord, 'id' | 'attempts'>, pages: AttachmentRecord[]): Promise<void> {
    const totalBytes = pages.reduce((n, p) => n + p.size, 0);
    let doneBytes = pages.filter((p) => p.uploaded).reduce((n, p) => n + p.size, 0);
    for (const [i, page] of pages.entries()) {
      if (page.uploaded) continue;
      const report = (sent: number) =>
        progress.set(d.id, {
          phase: 'uploading',
          file: i + 1,
          files: pages.length,
          filePercent: page.size ? Math.min(100, Math.round((sent / page.size) * 100)) : 100,
          sentBytes: doneBytes + sent,
          totalBytes,
        });
      report(0);
      try {
        await deps.uploader.upload({
          file: page.blob,
          endpoint: `${api.base}/api/uploads`,
          uploadUrl: page.uploadUrl,
          metadata: { dossierId: d.id, attachmentId: page.id, sha256: page.sha256, filename: page.fileName, filetype: page.mediaType },
          onUrl: (url) => setUploadUrl(page.id, url),
          cancelOn: (cancel) => link.onNudge(cancel),
          onProgress: (sent) => {
            // Bytes left the phone: whatever silence there was is over.
            if (sent > 0) link.markAlive();
            report(sent);
          },
        });
      } catch (e) {
        const status = e instanceof UploadFailure ? e.status : undefined;
        if (status && status >= 400 && status < 500 && ![408, 409, 423, 429].includes(status)) {
          // Refused outright (a damaged upload, an expired URL): start this page afresh next time.
          await markNotUploaded([page.id]);
          const error: DossierError = { code: 'uploadRejected', message: `${page.fileName}: HTTP ${status}` };
          throw d.attempts + 1 >= MAX_UPLOAD_REJECTIONS ? new Permanent(error) : new Transient(error);
        }
        throw new Transient({ code: status ? 'server' : 'network', message: e instanceof Error ? e.message : String(e) });
      }
      await markUploaded(page.id);
      doneBytes += page.size;
      report(page.size);
    }
  }

  // The officer's CSRF token, asked once per pass and only when a walk-in dossier is waiting.
  let csrf: string | null | undefined;
  const staffLogin = (message: string) => new Transient({ code: 'staffLogin', message });

  /** A walk-in goes to the staff endpoint with the officer's session; a citizen's to their own. */
  async function put(d: DossierRecord, pages: AttachmentRecord[]): Promise<PutOutcome> {
    const body = toSubmission(d, pages);
    if (d.channel !== 'desk') return putDossier(api, d.id, d.deviceSecret, body);
    if (csrf === undefined) {
      try {
        csrf = await getStaffCsrf(api);
      } catch (e) {
        throw new Transient({ code: 'network', message: e instanceof Error ? e.message : String(e) });
      }
    }
    // Nobody signed in: kept in the outbox, never dropped, until an officer signs in again.
    if (csrf === null) throw staffLogin('staff session expired');
    const outcome = await putStaffDossier(api, d.id, d.deviceSecret, csrf, body);
    if (outcome.kind === 'login') {
      csrf = undefined;
      throw staffLogin(outcome.message);
    }
    return outcome;
  }

  async function sendOne(queued: DossierRecord): Promise<'sent' | 'retrying' | 'attention' | 'gone'> {
    if (!(await markSending(queued.id, now()))) return 'gone';
    const d = { ...queued, state: 'sending' as const };
    return deliver(
      {
        progressId: d.id,
        attempts: d.attempts,
        pages: () => listAttachments(d.id),
        upload: (pages) => uploadPages(d, pages),
        put: (pages) => put(d, pages),
        // A walk-in's personal data leaves the shared device in the same step (Decree 13/2023).
        received: (receipt) => (d.channel === 'desk' ? receiveWalkin(d.id, receipt, now()) : markReceived(d.id, receipt, now())),
        attention: (error) => markAttention(d.id, error, now()),
        retry: (error, attempts, at) => markRetry(d.id, error, attempts, at, now()),
      },
      { now, random, progress, isOnline, link },
    );
  }

  async function refreshStatuses(): Promise<void> {
    for (const d of await listByState('received')) {
      // Walk-ins are wiped once received; the console follows them, not the desk's outbox.
      if (d.channel === 'desk') continue;
      if (d.status && FINAL_STATUSES.has(d.status) && d.statusCheckedAt) continue;
      if (d.statusCheckedAt && now() - d.statusCheckedAt < STATUS_MIN_INTERVAL_MS) continue;
      try {
        const s = await getDossierStatus(api, d.id, d.deviceSecret);
        if (s) await saveStatus(d.id, s, now());
      } catch {
        // Offline again or the server is busy: the timeline on the phone stays as it was.
      }
    }
  }

  // Answers to supplement requests and transfer photos, with the guarantees of a first submission.
  const senderDeps = { api, now, random, progress, isOnline, link, uploadPages };
  const followUps = [createFollowUpSender(supplementQueue, senderDeps), createFollowUpSender(paymentProofQueue, senderDeps)];

  async function nextWake(): Promise<number | undefined> {
    const waiting = [...(await listByState('queued')), ...(await Promise.all(followUps.map((f) => f.queued()))).flat()];
    if (!waiting.length) return undefined;
    return Math.min(...waiting.map((d) => d.nextAttemptAt ?? now()));
  }

  /**
   * One pass. `force` (app opened, network back, page shown again) sends everything queued at
   * once; the backoff timer passes `force: false` and only sends what is due.
   */
  async function runOnce({ force = false }: { force?: boolean } = {}): Promise<PassReport> {
    if (!deps.lock) return pass(force);
    const held = await deps.lock(() => pass(force));
    if (held.held) return held.value;
    return { sent: [], retrying: [], attention: [], offline: false, busy: true, nextWakeAt: now() + IDLE_RECHECK_MS };
  }

  async function pass(force: boolean): Promise<PassReport> {
    const report: PassReport = { sent: [], retrying: [], attention: [], offline: false };
    // Whoever runs a pass holds the outbox, so anything still 'sending' was cut off mid-way.
    await requeueInterrupted(now());
    for (const f of followUps) await f.requeueInterrupted();
    csrf = undefined;
    if (!isOnline()) {
      report.offline = true;
      const wake = await nextWake();
      report.nextWakeAt = wake === undefined ? undefined : Math.max(wake, now() + IDLE_RECHECK_MS);
      return report;
    }
    // Dossiers that have not failed yet go first: one that keeps failing (and may take a long
    // timeout to do so on 2G) does not hold up the others.
    const queued = (await listByState('queued')).sort((a, b) => a.attempts - b.attempts);
    for (const d of queued) {
      if (!force && d.nextAttemptAt && d.nextAttemptAt > now()) continue;
      const result = await sendOne(d);
      if (result === 'sent') report.sent.push(d.id);
      else if (result === 'retrying') report.retrying.push(d.id);
      else if (result === 'attention') report.attention.push(d.id);
    }
    for (const f of followUps) await f.sendDue(force, report);
    await refreshStatuses();
    report.nextWakeAt = await nextWake();
    return report;
  }

  /** Whether anything waits in the outbox (dossiers or follow-ups), without sending. */
  const waiting = async () => (await nextWake()) !== undefined;

  return { runOnce, waiting, progress, link };
}

/**
 * `fetch` that tells `link` about the network: an answer (any status) marks it alive; a failure
 * with no answer while the device says it is online marks it silent.
 */
export function watchFetch(fetcher: ApiClient['fetch'], link: LinkStore, isOnline: () => boolean = () => true): ApiClient['fetch'] {
  return async (...args) => {
    try {
      const res = await fetcher(...args);
      link.markAlive();
      return res;
    } catch (e) {
      if (isOnline()) link.markSilent();
      throw e;
    }
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
