// What /metrics reports, in Prometheus' text format (prom-client). Counters are this process's
// own (each node serves its own; Prometheus sums them); the queue's gauges are read from the
// store when scraped, so every node reports the same figures for them. No label ever holds a
// URL, a dossier id, a code or a name: routes are their patterns, units their commune codes.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { OpsStore } from '../store/ops.ts';
import type { AttachmentService } from './attachments.ts';
import type { SubmissionService, SubmitOutcome } from './submission.ts';

/** Request durations: from a catalog delta (ms) to a 2G upload PATCH (a minute). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Process metrics (CPU, memory, event loop, GC) once per process, whatever the number of apps in it. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** The PUTs a phone's outbox sends, by route pattern. */
const SYNC_ROUTES: Record<string, string> = {
  '/api/dossiers/:id': 'dossier',
  '/api/dossiers/:id/supplements/:supplementId': 'supplement',
  '/api/dossiers/:id/payment-proofs/:proofId': 'payment_proof',
};

/** What a PUT's status tells the phone (the outbox's own reading of it). */
function syncAnswer(status: number): string {
  switch (status) {
    case 200:
      return 'repeated';
    case 201:
      return 'created';
    case 400:
      return 'invalid';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 422:
      return 'attachments_missing';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'server_error' : 'other';
  }
}

export interface MetricsOptions {
  /** The queue's figures; without it (no store view) those gauges are absent. */
  ops?: OpsStore;
  now: () => Date;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status_code'>;
  private readonly duration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly uploads: Counter<'outcome'>;
  private readonly uploadBytes: Counter;
  private readonly submissions: Counter<'channel' | 'outcome' | 'reason'>;
  private readonly syncPuts: Counter<'what' | 'answer'>;
  private queueRead: ReturnType<OpsStore['queue']> | undefined;

  constructor(private readonly opts: MetricsOptions) {
    const registers = [this.registry];
    this.requests = new Counter({ name: 'hsc_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status ("aborted": the client left first).', labelNames: ['method', 'route', 'status_code'], registers });
    this.duration = new Histogram({ name: 'hsc_http_request_duration_seconds', help: 'Time from the request to the last byte of the answer, by method, route pattern and status.', labelNames: ['method', 'route', 'status_code'], buckets: DURATION_BUCKETS, registers });
    this.uploads = new Counter({ name: 'hsc_uploads_completed_total', help: 'Uploads (tus) whose last byte arrived, by outcome: stored, checksum_mismatch, attachment_conflict, error.', labelNames: ['outcome'], registers });
    this.uploadBytes = new Counter({ name: 'hsc_upload_bytes_total', help: 'Bytes of the uploads stored.', registers });
    this.submissions = new Counter({ name: 'hsc_submissions_total', help: 'Dossier submissions (phone and desk), by channel and outcome: created, repeated (a resend answered with the stored receipt), refused (reason: conflict, invalid, attachments_missing).', labelNames: ['channel', 'outcome', 'reason'], registers });
    this.syncPuts = new Counter({ name: 'hsc_sync_put_total', help: "Phones' outbox PUTs (what: dossier, supplement, payment_proof) by the answer they got: created, repeated, invalid, conflict, attachments_missing, not_found, rate_limited, server_error, other.", labelNames: ['what', 'answer'], registers });
    const ops = opts.ops;
    if (ops) {
      const read = () => this.queue(ops);
      new Gauge({ name: 'hsc_store_up', help: 'Whether the store answered the queue query of this scrape (1) or not (0).', registers, collect: async function () { this.set((await read()) ? 1 : 0); } });
      new Gauge({ name: 'hsc_queue_dossiers', help: 'Dossiers whose processing clock runs, by unit and status.', labelNames: ['unit', 'status'], registers, collect: async function () { this.reset(); for (const r of (await read()) ?? []) this.set({ unit: r.unitCode, status: r.status }, r.count); } });
      new Gauge({ name: 'hsc_queue_oldest_age_seconds', help: 'Age of the oldest dossier in each unit and status, from when its clock started (receipt or last resubmission).', labelNames: ['unit', 'status'], registers, collect: async function () { this.reset(); const now = opts.now().getTime(); for (const r of (await read()) ?? []) this.set({ unit: r.unitCode, status: r.status }, Math.max(0, (now - Date.parse(r.oldestClockFrom)) / 1000)); } });
      new Gauge({ name: 'hsc_dossiers_overdue', help: 'Dossiers past their due date whose clock still runs, by unit.', labelNames: ['unit'], registers, collect: async function () { this.reset(); const byUnit = new Map<string, number>(); for (const r of (await read()) ?? []) byUnit.set(r.unitCode, (byUnit.get(r.unitCode) ?? 0) + r.overdue); for (const [unit, n] of byUnit) this.set({ unit }, n); } });
    }
  }

  /** The queue rows of this scrape (one query for all four gauges), or undefined if the store failed. */
  private async queue(ops: OpsStore) {
    // Scrapes that overlap share the query in flight; each new scrape reads afresh.
    this.queueRead ??= ops.queue(this.opts.now()).finally(() => (this.queueRead = undefined));
    return this.queueRead.catch(() => undefined);
  }

  /** One answered request; `route` is the route's pattern (never the URL). */
  request(method: string, route: string, status: number | 'aborted', seconds: number): void {
    const labels = { method, route, status_code: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
    const what = method === 'PUT' ? SYNC_ROUTES[route] : undefined;
    if (what && status !== 'aborted') this.syncPuts.inc({ what, answer: syncAnswer(status) });
  }

  upload(outcome: string, bytes: number): void {
    this.uploads.inc({ outcome });
    if (outcome === 'stored') this.uploadBytes.inc(bytes);
  }

  submission(channel: string, outcome: SubmitOutcome['kind']): void {
    const accepted = outcome === 'created' || outcome === 'repeated';
    this.submissions.inc({ channel, outcome: accepted ? outcome : 'refused', reason: accepted ? '' : outcome });
  }

  /** The exposition text: this app's metrics, then the process's. */
  async text(): Promise<string> {
    return `${await this.registry.metrics()}\n${await processMetrics().metrics()}`;
  }

  readonly contentType = this.registry.contentType;
}

/** Counts each submission's outcome; the service itself knows nothing of metrics. */
export function countSubmissions(service: SubmissionService, metrics: Metrics): void {
  const submit = service.submit.bind(service);
  service.submit = async (id, body, opts) => {
    const outcome = await submit(id, body, opts);
    metrics.submission(opts.channel, outcome.kind);
    return outcome;
  };
}

/** Counts each upload whose last byte arrived (the tus route hands it to `adopt`). */
export function countUploads(service: AttachmentService, metrics: Metrics): void {
  const adopt = service.adopt.bind(service);
  service.adopt = async (meta, upload, size) => {
    let outcome;
    try {
      outcome = await adopt(meta, upload, size);
    } catch (e) {
      metrics.upload('error', size);
      throw e;
    }
    metrics.upload(outcome.ok ? 'stored' : outcome.error, size);
    return outcome;
  };
}
