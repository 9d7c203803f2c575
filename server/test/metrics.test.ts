// /metrics: Prometheus text that parses (every sample has its HELP and TYPE), requests counted
// by route pattern, uploads, submissions and the phones' PUTs by answer, the queue read from the
// store (the same on a second node), nothing personal in it, and who may read it.
import type { Receipt } from '@hsc/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp, type TestApp } from './support/app.ts';
import { fixedClock, injectUpload, newDossier, putDossier, TUESDAY_MORNING, UNIT } from './support/fixtures.ts';

const TOKEN = 'a-metrics-token-of-32-characters';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the text format strictly enough to fail on anything malformed. */
function parse(text: string) {
  const help = new Map<string, string>();
  const type = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let m = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (m) {
      (m[1] === 'HELP' ? help : type).set(m[2]!, m[3]!);
      continue;
    }
    // Values as Go's ParseFloat reads them (prom-client writes NaN as `Nan` before the first sample).
    m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|nan|[+-]inf)$/i.exec(line);
    if (!m) throw new Error(`not a metric line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = v!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return { help, type, samples };
}

/** The family a sample belongs to (histogram and summary samples have suffixes). */
const family = (name: string, type: Map<string, string>) => (type.has(name) ? name : name.replace(/_(bucket|sum|count)$/, ''));

const value = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

let t: TestApp;
const scrape = async (app = t.app) => {
  const res = await app.inject({ url: '/metrics' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.body;
};

beforeAll(async () => {
  t = await testApp({ metricsToken: TOKEN });
});
afterAll(() => t.close());

describe('the text', () => {
  test('parses: every sample belongs to a family with HELP and TYPE, and the process metrics are there', async () => {
    await t.app.inject('/api/health');
    const { help, type, samples } = parse(await scrape());
    expect(samples.length).toBeGreaterThan(20);
    for (const s of samples) {
      const f = family(s.name, type);
      expect(help.has(f), `HELP of ${s.name}`).toBe(true);
      expect(type.has(f), `TYPE of ${s.name}`).toBe(true);
    }
    expect(type.get('hsc_http_requests_total')).toBe('counter');
    expect(type.get('hsc_http_request_duration_seconds')).toBe('histogram');
    expect(type.get('hsc_queue_dossiers')).toBe('gauge');
    expect(type.get('process_cpu_user_seconds_total')).toBe('counter');
    expect(type.get('nodejs_heap_size_used_bytes')).toBe('gauge');
    expect(value(samples, 'hsc_store_up', {})).toBe(1);
  });
});

describe('counting', () => {
  let receipt: Receipt;
  let before: Sample[];

  beforeAll(async () => {
    before = parse(await scrape()).samples;
    const d = newDossier();
    for (const f of d.files) await injectUpload(t.app, d.id, f);
    const res = await putDossier(t.app, d.id, d.body, d.secret);
    expect(res.statusCode).toBe(201);
    receipt = res.json<{ receipt: Receipt }>().receipt;
    expect((await putDossier(t.app, d.id, d.body, d.secret)).statusCode).toBe(200);
    await t.app.inject(`/api/dossiers/${d.id}/status`); // no secret: 404
    await t.app.inject('/api/procedures/1.001193');
  });

  const delta = (samples: Sample[], name: string, labels: Record<string, string>) => (value(samples, name, labels) ?? 0) - (value(before, name, labels) ?? 0);

  test('a request increments its route pattern, never its URL', async () => {
    const text = await scrape();
    const { samples } = parse(text);
    expect(delta(samples, 'hsc_http_requests_total', { method: 'PUT', route: '/api/dossiers/:id', status_code: '201' })).toBe(1);
    expect(delta(samples, 'hsc_http_requests_total', { method: 'PUT', route: '/api/dossiers/:id', status_code: '200' })).toBe(1);
    expect(delta(samples, 'hsc_http_requests_total', { method: 'GET', route: '/api/procedures/:code', status_code: '200' })).toBe(1);
    expect(delta(samples, 'hsc_http_request_duration_seconds_count', { method: 'GET', route: '/api/procedures/:code', status_code: '200' })).toBe(1);
    // tus answers are hijacked from Fastify and still counted.
    expect(delta(samples, 'hsc_http_requests_total', { method: 'POST', route: '/api/uploads' })).toBeGreaterThan(0);
    expect(text).not.toContain('1.001193');
  });

  test('no dossier id, code, lookup code or applicant appears anywhere', async () => {
    const text = await scrape();
    for (const secret of [receipt.dossierId, receipt.code, receipt.lookupCode, ...receipt.documents.map((d) => d.attachmentId), ...receipt.documents.map((d) => d.sha256)]) {
      expect(text, secret).not.toContain(secret);
    }
  });

  test('uploads stored and their bytes, submissions by outcome, PUTs by answer', async () => {
    const { samples } = parse(await scrape());
    expect(delta(samples, 'hsc_uploads_completed_total', { outcome: 'stored' })).toBe(receipt.documents.length);
    expect(delta(samples, 'hsc_upload_bytes_total', {})).toBe(receipt.documents.reduce((n, d) => n + d.size, 0));
    expect(delta(samples, 'hsc_submissions_total', { channel: 'online', outcome: 'created' })).toBe(1);
    expect(delta(samples, 'hsc_submissions_total', { channel: 'online', outcome: 'repeated' })).toBe(1);
    expect(delta(samples, 'hsc_sync_put_total', { what: 'dossier', answer: 'created' })).toBe(1);
    expect(delta(samples, 'hsc_sync_put_total', { what: 'dossier', answer: 'repeated' })).toBe(1);
  });

  test('a refused submission counts with its reason', async () => {
    const d = newDossier();
    const res = await putDossier(t.app, d.id, d.body, d.secret); // pages never uploaded
    expect(res.statusCode).toBe(422);
    const { samples } = parse(await scrape());
    expect(delta(samples, 'hsc_submissions_total', { channel: 'online', outcome: 'refused', reason: 'attachments_missing' })).toBe(1);
    expect(delta(samples, 'hsc_sync_put_total', { what: 'dossier', answer: 'attachments_missing' })).toBe(1);
  });

  test('the queue comes from the store: a second node on the same data, later, counts the same dossier, now overdue', async () => {
    const { samples } = parse(await scrape());
    expect(value(samples, 'hsc_queue_dossiers', { unit: UNIT, status: 'registered' })).toBe(1);
    expect(value(samples, 'hsc_dossiers_overdue', { unit: UNIT })).toBe(0);
    const later = new Date(TUESDAY_MORNING.getTime() + 90 * 86_400_000);
    const other = await testApp({ dataDir: t.dataDir, now: fixedClock(later) });
    try {
      const res = await other.app.inject('/metrics');
      const theirs = parse(res.body).samples;
      expect(value(theirs, 'hsc_queue_dossiers', { unit: UNIT, status: 'registered' })).toBe(1);
      expect(value(theirs, 'hsc_dossiers_overdue', { unit: UNIT })).toBe(1);
      expect(value(theirs, 'hsc_queue_oldest_age_seconds', { unit: UNIT, status: 'registered' })).toBeGreaterThan(89 * 86_400);
    } finally {
      await other.app.close(); // the data directory is t's
    }
  });
});

describe('who may read it', () => {
  test('loopback without a proxy in between: yes', async () => {
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200);
  });

  test('from another address, or through a proxy on loopback, without the token: 403', async () => {
    const far = await t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.7' });
    expect(far.statusCode).toBe(403);
    expect(far.body).not.toContain('hsc_');
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.7' } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.7', headers: { authorization: 'Bearer wrong-token-of-some-length' } })).statusCode).toBe(403);
  });

  test('with the bearer token: from anywhere', async () => {
    const res = await t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.7', headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '198.51.100.1' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('hsc_http_requests_total');
  });

  test('without METRICS_TOKEN configured, a bearer opens nothing', async () => {
    const bare = await testApp();
    try {
      expect((await bare.app.inject({ url: '/metrics', remoteAddress: '203.0.113.7', headers: { authorization: 'Bearer ' } })).statusCode).toBe(403);
    } finally {
      await bare.close();
    }
  });
});
