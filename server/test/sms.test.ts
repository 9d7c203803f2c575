// SMS for people without a smartphone: a gateway on 127.0.0.1 records what the server POSTs.
// One message per status change the person hears about, each one unaccented GSM-7 segment
// naming the dossier's code; a 503 is asked again; a 4xx is dropped; nothing without an opt-in
// or after it is revoked; who may opt a dossier in. On SQLite (our job runner) and PostgreSQL
// (pg-boss), where the jobs differ.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig, type AppConfig } from '../src/config.ts';
import { loadedResources } from '../src/http/texts.ts';
import { CHANNEL_TEXT } from '../src/services/notify.ts';
import { foldSms, gatewayBody, gsm7Length, mobileNumber, SMS_SEGMENT, smsText } from '../src/services/sms.ts';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { actAll, login, movableClock, sendDossier, toProcessingWithResult, BA_XUYEN, VO_NHAI, type SentDossier } from './support/desk.ts';
import { fixedClock, TUESDAY_MORNING } from './support/fixtures.ts';
import { JOB_TEST_TIMINGS } from './support/job-timings.ts';
import { postgresHarness, sqliteHarness, tempDir, type StoreHarness } from './support/stores.ts';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** An SMS gateway on 127.0.0.1: answers with the next of `statuses` (then the last one again). */
async function gatewayStub(statuses: number[] = [200]) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const status = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`, close: () => new Promise((r) => server.close(r)) };
}

const PHONE = '0912 345 678';
const texts = (g: { received: Received[] }) => g.received.map((r) => JSON.parse(r.body) as { to: string; text: string });
/** Every character GSM-7, no Vietnamese letter left, one segment. */
function oneUnaccentedSegment(text: string) {
  const len = gsm7Length(text);
  expect(len, text).toBeDefined();
  expect(len!).toBeLessThanOrEqual(SMS_SEGMENT);
  expect(text.normalize('NFD')).toBe(text);
  expect(text).not.toMatch(/[\u0300-\u036fđĐ]/);
}

describe('the words of an SMS', () => {
  test('every template in every language fits one GSM-7 segment with the longest code and date', () => {
    // Agency ids are a few dotted groups (H20.31.1); 32 characters is more than any of them.
    const code = `${'H20.31.999.99999'.padEnd(20, '9')}-261231-9999`;
    expect(code.length).toBeGreaterThanOrEqual(32);
    const events = Object.keys(CHANNEL_TEXT.sms) as (keyof typeof CHANNEL_TEXT.sms)[];
    expect(events.sort()).toEqual(['accepted', 'fee_requested', 'refused', 'rescheduled', 'result_ready', 'stopped', 'supplement_requested']);
    for (const lang of Object.keys(loadedResources)) {
      for (const event of events) {
        const text = smsText(lang, event, { code, dueAt: '2026-12-31T10:00:00.000Z' })!;
        expect(text, `${lang} ${event}`).toContain(code);
        oneUnaccentedSegment(text);
      }
    }
  });

  test('folding: tones and đ go, typographic marks become plain, the rest outside GSM-7 becomes ?', () => {
    expect(foldSms('Đăng ký khai sinh – “Hồ sơ” đã xong…')).toBe('Dang ky khai sinh - "Ho so" da xong...');
    expect(foldSms('Phường Bá Xuyên 😀')).toBe('Phuong Ba Xuyen ?');
    expect(gsm7Length('a{b}€')).toBe(8);
    expect(gsm7Length('ư')).toBeUndefined();
  });

  test('numbers: a Vietnamese mobile in any usual writing, nothing else', () => {
    expect(mobileNumber('+84 912 345 678')).toBe('0912345678');
    expect(mobileNumber('84912345678')).toBe('0912345678');
    expect(mobileNumber('0312.345.678')).toBe('0312345678');
    expect(mobileNumber('0212345678')).toBeUndefined();
    expect(mobileNumber('091234567')).toBeUndefined();
  });

  test('the gateway body: JSON-escaped by default, URL-encoded for a form', () => {
    expect(gatewayBody('{"to":"{{to}}","text":"{{text}}"}', 'application/json', { to: '+84912345678', text: 'a "b"\n' })).toBe('{"to":"+84912345678","text":"a \\"b\\"\\n"}');
    expect(gatewayBody('to={{to}}&msg={{ text }}', 'application/x-www-form-urlencoded', { to: '+84912345678', text: 'a b&c' })).toBe('to=%2B84912345678&msg=a%20b%26c');
  });

  test('the environment: the gateway, its credentials and body; no URL, no SMS; secrets not repeated', () => {
    const base = { DATA_DIR: tempDir() };
    expect(loadConfig(base).sms).toBeUndefined();
    const c = loadConfig({ ...base, SMS_GATEWAY_URL: 'https://sms.example.vn/api/send', SMS_GATEWAY_TOKEN: 'tok', SMS_GATEWAY_BODY: 'to={{to}}&text={{text}}', SMS_GATEWAY_CONTENT_TYPE: 'application/x-www-form-urlencoded' });
    expect(c.sms?.gateway).toEqual({ url: 'https://sms.example.vn/api/send', token: 'tok', body: 'to={{to}}&text={{text}}', contentType: 'application/x-www-form-urlencoded' });
    expect(loadConfig({ ...base, SMS_GATEWAY_URL: 'https://x.vn/', SMS_GATEWAY_USER: 'u', SMS_GATEWAY_PASSWORD: 'p' }).sms?.gateway).toMatchObject({ user: 'u', password: 'p' });
    expect(() => loadConfig({ ...base, SMS_GATEWAY_URL: 'https://x.vn/', SMS_GATEWAY_BODY: '{"m":"{{text}}"}' })).toThrow(/SMS_GATEWAY_BODY: must contain/);
    expect(() => loadConfig({ ...base, SMS_GATEWAY_URL: 'ftp://secret@x' })).toThrow(/SMS_GATEWAY_URL/);
    expect(() => loadConfig({ ...base, SMS_GATEWAY_URL: 'ftp://secret@x' })).not.toThrow(/secret/);
  });
});

/** The same tests on each store: the jobs that send differ (our runner, pg-boss). */
for (const kind of ['SQLite', 'PostgreSQL'] as const) {
  describe(`SMS through the jobs on ${kind}`, () => {
    let harness: StoreHarness;
    const open: { app: FastifyInstance; dataDir: string }[] = [];
    let gw: Awaited<ReturnType<typeof gatewayStub>> | undefined;
    const logged: string[] = [];
    const kek = randomBytes(32);

    async function app(over: Partial<AppConfig> = {}) {
      const dataDir = tempDir();
      const a = await buildApp({
        dataDir,
        webRoot: null,
        demo: true,
        now: fixedClock(TUESDAY_MORNING),
        store: harness.open(),
        keyEncryptionKey: kek,
        ...JOB_TEST_TIMINGS,
        logger: { level: 'warn', stream: { write: (l: string) => logged.push(l) } } as unknown as AppConfig['logger'],
        ...over,
      });
      open.push({ app: a, dataDir });
      return a;
    }
    const withGateway = async (statuses?: number[]) => {
      gw = await gatewayStub(statuses);
      return app({ sms: { gateway: { url: gw.url, token: 'gw-token' }, retry: { retryLimit: 3, retryDelayMs: 100, backoff: true, expireMs: 1000 } } });
    };
    const optIn = (a: FastifyInstance, d: SentDossier, phone = PHONE, lang = 'vi') =>
      a.inject({ method: 'POST', url: `/api/dossiers/${d.id}/sms`, headers: { 'x-dossier-secret': d.secret }, payload: { phone, lang } });

    beforeAll(async () => {
      harness = kind === 'SQLite' ? sqliteHarness() : await postgresHarness();
    }, 60_000);
    afterEach(async () => {
      for (const n of open.splice(0)) {
        await n.app.close();
        rmSync(n.dataDir, { recursive: true, force: true });
      }
      await gw?.close();
      gw = undefined;
      logged.length = 0;
    });
    afterAll(async () => {
      await harness?.close();
    });

    test('an opted-in dossier through accept, supplement and finish: one unaccented segment per change', async () => {
      const a = await withGateway();
      const officer = await login(a, 'demo.officer');
      const d = await sendDossier(a, VO_NHAI);
      const res = await optIn(a, d);
      expect(res.statusCode, res.body).toBe(204);
      const st = await a.inject({ url: `/api/dossiers/${d.id}/sms`, headers: { 'x-dossier-secret': d.secret } });
      // The number comes back hidden but for its last 3 digits.
      expect(st.json()).toEqual({ available: true, optedIn: true, phone: '*******678' });

      await actAll(officer, d.id, [{ action: 'accept' }, { action: 'start_processing' }, { action: 'request_supplement', items: [{ label: 'Căn cước', reason: 'Mờ' }] }]);
      await a.notifications.settled();
      // Two changes the person hears of (start_processing is not one of them).
      expect(gw!.received).toHaveLength(2);

      const other = await sendDossier(a, VO_NHAI);
      expect((await optIn(a, other, '+84 987 654 321', 'en')).statusCode).toBe(204);
      const resultId = await toProcessingWithResult(officer, other.id);
      await actAll(officer, other.id, [{ action: 'finish', resultId }]);
      await a.notifications.settled();

      expect(gw!.received).toHaveLength(4);
      for (const r of gw!.received) {
        expect(r.headers.authorization).toBe('Bearer gw-token');
        expect(r.headers['content-type']).toBe('application/json');
      }
      // Jobs run on several workers at once, so two changes made within a second may reach the
      // gateway in either order; each person gets each message once.
      const sent = texts(gw!);
      const to = (phone: string) => sent.filter((x) => x.to === phone).map((x) => x.text).sort();
      expect(sent).toHaveLength(4);
      expect(to('+84912345678')).toEqual(
        [
          `Ho so ${d.receipt.code} da duoc tiep nhan. Hen tra ket qua: 17:00 13/03/2026. Tra cuu tai ung dung Ho so cong hoac bo phan mot cua cua xa.`,
          `Ho so ${d.receipt.code} can bo sung giay to. Xem danh sach trong ung dung hoac hoi bo phan mot cua cua xa, roi nop bo sung.`,
        ].sort(),
      );
      const english = to('+84987654321');
      expect(english).toHaveLength(2);
      expect(english.some((t) => new RegExp(`^Dossier ${other.receipt.code} was accepted\\.`).test(t))).toBe(true);
      expect(english).toContain(`The result of dossier ${other.receipt.code} is ready. Bring your ID card to the commune's one-stop desk, or see it in the app.`);
      for (const s of sent) oneUnaccentedSegment(s.text);
      // The number is in no log line.
      expect(logged.join('\n')).not.toMatch(/912345678|987654321/);
    });

    test('a gateway answering 503 then 200 is asked once more; a 4xx is logged and dropped', async () => {
      const a = await withGateway([503, 200, 400]);
      const officer = await login(a, 'demo.officer');
      const d = await sendDossier(a, VO_NHAI);
      expect((await optIn(a, d)).statusCode).toBe(204);
      await actAll(officer, d.id, [{ action: 'accept' }]);
      await a.notifications.settled();
      expect(gw!.received).toHaveLength(2);
      expect(gw!.received[0]!.body).toBe(gw!.received[1]!.body);

      await actAll(officer, d.id, [{ action: 'start_processing' }]);
      await actAll(await login(a, 'demo.leader'), d.id, [{ action: 'reschedule', newDueAt: '2026-03-20T10:00:00.000Z', reason: 'Chờ xác minh' }]);
      await a.notifications.settled();
      // 400: not asked again.
      expect(gw!.received).toHaveLength(3);
      expect(texts(gw!)[2]!.text).toContain('17:00 20/03/2026');
      expect(logged.join('\n')).toMatch(/SMS gateway answered 400 for dossier/);
      expect(logged.join('\n')).not.toContain('912345678');
    });

    test('a fee request is texted (push says nothing of it)', async () => {
      const a = await withGateway();
      const officer = await login(a, 'demo.officer');
      const d = await sendDossier(a, VO_NHAI);
      expect((await optIn(a, d)).statusCode).toBe(204);
      await actAll(officer, d.id, [{ action: 'accept' }, { action: 'start_processing' }, { action: 'request_payment', amount: 50000, note: 'Lệ phí' }]);
      await a.notifications.settled();
      // In either order (see above).
      const sent = texts(gw!).map((s) => s.text);
      expect(sent).toHaveLength(2);
      expect(sent.some((t) => / da duoc tiep nhan\./.test(t))).toBe(true);
      expect(sent).toContain(`Ho so ${d.receipt.code} can nop phi, le phi. Chuyen khoan bang ma QR trong ung dung hoac nop tai bo phan mot cua cua xa.`);
    });

    test('no message without an opt-in, nor after it is revoked; none without a gateway', async () => {
      const a = await withGateway();
      const officer = await login(a, 'demo.officer');
      const d = await sendDossier(a, VO_NHAI);
      await actAll(officer, d.id, [{ action: 'accept' }]);
      await a.notifications.settled();
      expect(gw!.received).toHaveLength(0);

      expect((await optIn(a, d)).statusCode).toBe(204);
      const revoked = await a.inject({ method: 'DELETE', url: `/api/dossiers/${d.id}/sms`, headers: { 'x-dossier-secret': d.secret } });
      expect(revoked.statusCode).toBe(204);
      await actAll(officer, d.id, [{ action: 'start_processing' }]);
      await actAll(await login(a, 'demo.leader'), d.id, [{ action: 'stop', reason: 'Người nộp đề nghị dừng' }]);
      await a.notifications.settled();
      expect(gw!.received).toHaveLength(0);

      // No gateway configured: the app is told SMS is not offered.
      const plain = await app();
      const e = await sendDossier(plain, VO_NHAI);
      expect((await optIn(plain, e)).statusCode).toBe(409);
      expect((await plain.inject({ url: `/api/dossiers/${e.id}/sms`, headers: { 'x-dossier-secret': e.secret } })).json()).toEqual({ available: false, optedIn: false });
    });

    test('who may opt a dossier in: its device, an officer or leader of its unit', async () => {
      const a = await withGateway();
      const d = await sendDossier(a, VO_NHAI);
      // The device: its secret, and a mobile number.
      expect((await a.inject({ method: 'POST', url: `/api/dossiers/${d.id}/sms`, payload: { phone: PHONE, lang: 'vi' } })).statusCode).toBe(404);
      expect((await a.inject({ method: 'POST', url: `/api/dossiers/${d.id}/sms`, headers: { 'x-dossier-secret': 'x'.repeat(43) }, payload: { phone: PHONE, lang: 'vi' } })).statusCode).toBe(404);
      expect((await a.inject({ method: 'DELETE', url: `/api/dossiers/${d.id}/sms` })).statusCode).toBe(404);
      expect((await optIn(a, d, '0212345678')).statusCode).toBe(400);

      // The desk: signed in, CSRF, the dossier's unit, an officer or leader.
      const url = `/api/staff/dossiers/${d.id}/sms`;
      expect((await a.inject({ method: 'POST', url, payload: { phone: PHONE } })).statusCode).toBe(401);
      const officer = await login(a, 'demo.officer');
      expect((await officer.req({ method: 'POST', url, payload: { phone: PHONE }, csrf: false })).statusCode).toBe(403);
      expect((await (await login(a, 'demo.officer2')).post(url, { phone: PHONE })).statusCode).toBe(404);
      expect((await (await login(a, 'demo.province')).post(url, { phone: PHONE })).statusCode).toBe(403);
      const ok = await officer.post(url, { phone: PHONE });
      expect(ok.statusCode, ok.body).toBe(204);
      expect((await officer.get(url)).json()).toEqual({ available: true, optedIn: true, phone: '*******678' });
      await actAll(officer, d.id, [{ action: 'accept' }]);
      await a.notifications.settled();
      expect(texts(gw!).map((s) => s.to)).toEqual(['+84912345678']);
      // The desk revokes it too.
      expect((await officer.req({ method: 'DELETE', url })).statusCode).toBe(204);
      expect((await officer.get(url)).json()).toEqual({ available: true, optedIn: false });
      // A dossier of another unit is not found for this officer.
      const far = await sendDossier(a, BA_XUYEN);
      expect((await officer.post(`/api/staff/dossiers/${far.id}/sms`, { phone: PHONE })).statusCode).toBe(404);
    });
    test('the number is in no integration event nor export, and goes with its dossier when purged', async () => {
      gw = await gatewayStub();
      const clock = movableClock(TUESDAY_MORNING);
      const store = harness.open() as KyselyStore;
      const a = await app({ store, now: clock.now, retention: { uploadHours: 24, withdrawnDays: 30, recordYears: 10 }, sms: { gateway: { url: gw.url } } });
      const officer = await login(a, 'demo.officer');
      const kept = await sendDossier(a, VO_NHAI);
      const withdrawn = await sendDossier(a, VO_NHAI);
      for (const d of [kept, withdrawn]) expect((await optIn(a, d, '0977 111 222')).statusCode).toBe(204);
      await actAll(officer, kept.id, [{ action: 'accept' }]);
      await a.notifications.settled();
      expect(texts(gw!).map((s) => s.to)).toEqual(['+84977111222']);

      const { key } = await a.integration.createKey('Hệ thống một cửa tỉnh');
      const auth = { authorization: `Bearer ${key}` };
      const events = await a.inject({ url: '/api/integration/events?limit=1000', headers: auth });
      expect(events.statusCode).toBe(200);
      const exported = await a.inject({ url: `/api/integration/dossiers/${kept.id}`, headers: auth });
      expect(exported.statusCode).toBe(200);
      for (const body of [events.body, exported.body]) expect(body).not.toMatch(/977111222/);

      expect((await a.inject({ method: 'POST', url: `/api/dossiers/${withdrawn.id}/withdraw`, headers: { 'x-dossier-secret': withdrawn.secret } })).statusCode).toBe(200);
      clock.set(new Date(TUESDAY_MORNING.getTime() + 31 * 86_400_000));
      expect((await a.purge.run()).dossiers).toBeGreaterThanOrEqual(1);
      expect(await store.sms.get(withdrawn.id)).toBeUndefined();
      // An accepted dossier is the commune's record: kept, with its opt-in.
      expect(await store.sms.get(kept.id)).toMatchObject({ phone: '0977111222', by: 'device' });
    });
  });
}
