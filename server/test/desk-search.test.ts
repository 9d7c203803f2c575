// The officer's queue through the API: the search box (any end of a code, with or without the
// agency prefix, finds the dossier and puts it first; a phone in any spelling; a name without
// tones) and the summary an open console polls to stay live.
import type { DossierListResponse, QueueSummary } from '@hsc/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { testApp, type TestApp } from './support/app.ts';
import { actAll, login, sendDossier, vn, VO_NHAI, type Agent, type SentDossier } from './support/desk.ts';
import { tempDir } from './support/stores.ts';

let t: TestApp;
let officer: Agent;
let sent: SentDossier[];

beforeAll(async () => {
  const dir = tempDir();
  t = await testApp({ dataDir: dir, store: openSqliteStore(dir), demo: true, now: () => vn('2026-11-30T09:00:00') });
  officer = await login(t.app, 'demo.officer');
  sent = [];
  for (const [fullName, phone] of [['Hoàng Thị Lan', '0912345678'], ['Ma Văn Sáng', '0987654321'], ['Lường Thị Lan', '0911222333']] as const) sent.push(await sendDossier(t.app, VO_NHAI, { fullName, phone }));
});
afterAll(() => t.close());

const search = async (q: string) => (await officer.get(`/api/staff/dossiers?q=${encodeURIComponent(q)}`)).json<DossierListResponse>().items.map((i) => i.code);

describe('search that finds', () => {
  test('a code by any tail, with or without the agency prefix: the exact dossier first', async () => {
    const code = sent[1]!.receipt.code; // H19.05716-261130-0002
    const [agencyUnit, day, seq] = code.split('-') as [string, string, string];
    const unit = agencyUnit.split('.')[1]!;
    for (const q of [code, code.toLowerCase(), `${unit}-${day}-${seq}`, `${day}-${seq}`, seq, ` ${day} - ${seq} `]) expect((await search(q))[0], q).toBe(code);
    expect(await search(`${day}-${seq}`)).toEqual([code]);
    // Not a tail cut inside a number.
    expect(await search(seq.slice(1))).not.toContain(code);
  });

  test('a phone in any common spelling, a name without tones', async () => {
    const code = sent[0]!.receipt.code;
    for (const q of ['0912345678', '0912 345 678', '0912.345.678', '+84 912 345 678', '84912345678']) expect(await search(q), q).toEqual([code]);
    expect(await search('hoang thi lan')).toEqual([code]);
    expect((await search('lan')).sort()).toEqual([sent[0]!.receipt.code, sent[2]!.receipt.code].sort());
  });
});

describe('the queue an open console polls', () => {
  test('counts per status and a version that changes with every step; an unchanged queue is a 304; another unit is refused', async () => {
    const first = await officer.get('/api/staff/queue');
    expect(first.statusCode).toBe(200);
    const a = first.json<QueueSummary>();
    expect(a.counts.registered).toBe(sent.length);
    expect(a.counts.accepted).toBe(0);
    const etag = first.headers.etag as string;
    expect(etag).toBe(`"${a.version}"`);
    expect((await officer.req({ method: 'GET', url: '/api/staff/queue', headers: { 'if-none-match': etag } })).statusCode).toBe(304);

    // A new dossier arrives: a new version.
    const d = await sendDossier(t.app, VO_NHAI);
    const b = (await officer.get('/api/staff/queue')).json<QueueSummary>();
    expect(b.counts.registered).toBe(sent.length + 1);
    expect(b.version).not.toBe(a.version);
    // It is accepted: the counts move and the version changes again.
    await actAll(officer, d.id, [{ action: 'accept' }]);
    const c = (await officer.get('/api/staff/queue')).json<QueueSummary>();
    expect([c.counts.registered, c.counts.accepted]).toEqual([sent.length, 1]);
    expect(c.version).not.toBe(b.version);
    expect((await officer.req({ method: 'GET', url: '/api/staff/queue', headers: { 'if-none-match': etag } })).statusCode).toBe(200);

    expect((await officer.get(`/api/staff/queue?unit=05533`)).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/staff/queue' })).statusCode).toBe(401);
  });
});
