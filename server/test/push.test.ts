// Web Push end to end on the real encryption path: a push endpoint on 127.0.0.1 receives what
// the server sends after an officer's action and decrypts it (RFC 8291 aes128gcm) with the
// subscription's private key and auth secret made here, as a browser would; the VAPID token
// (RFC 8292) is checked against the server's public key. Gone subscriptions (410) are removed.
import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { actAll, login, sendDossier, VO_NHAI, type SentDossier } from './support/desk.ts';
import { testApp, type TestApp } from './support/app.ts';
import { loadConfig } from '../src/config.ts';
import { isKnownPushService } from '../src/services/push.ts';

interface Received {
  headers: IncomingMessage['headers'];
  url: string;
  body: Buffer;
}

/** A push service on 127.0.0.1 that answers every request with `status`. */
async function pushEndpoint(status = 201) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, url: req.url ?? '', body: Buffer.concat(chunks) });
      res.writeHead(ep.status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const ep = { server, received, status, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  return ep;
}

/** A browser's side of a subscription: a P-256 key pair and a 16-byte auth secret. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** RFC 8291 §3-4 with RFC 8188 aes128gcm, one record (what a browser does on receipt). */
function decrypt(body: Buffer, ecdh: ECDH, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  expect(idlen).toBe(65);
  expect(ciphertext.length).toBeLessThanOrEqual(rs);
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), asPublic]);
  const ikm = hmac(hmac(auth, ecdhSecret), Buffer.concat([keyInfo, Buffer.of(1)]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01', 'binary')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01', 'binary')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(-16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 followed by zero padding.
  let end = padded.length - 1;
  while (padded[end] === 0) end--;
  expect(padded[end]).toBe(2);
  return padded.subarray(0, end).toString('utf8');
}

/** RFC 8292: `vapid t=<JWT ES256>, k=<public key>`; the JWT's audience is the endpoint's origin. */
function checkVapid(header: string | undefined, serverKey: string, origin: string) {
  const m = /^vapid t=([^,]+), k=(.+)$/.exec(header ?? '');
  expect(m, header).not.toBeNull();
  const [, jwt, k] = m!;
  expect(k).toBe(serverKey);
  const [h, p, s] = jwt!.split('.') as [string, string, string];
  const raw = Buffer.from(serverKey, 'base64url');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') }, format: 'jwk' });
  expect(verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))).toBe(true);
  expect(JSON.parse(Buffer.from(p, 'base64url').toString())).toMatchObject({ aud: origin });
}

let t: TestApp;
let ep: Awaited<ReturnType<typeof pushEndpoint>>;
afterEach(async () => {
  await t.close();
  await new Promise((r) => ep.server.close(r));
});

async function subscribe(d: SentDossier, endpoint: string, lang: 'vi' | 'en', keys = browserKeys()) {
  const res = await t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/push`, headers: { 'x-dossier-secret': d.secret }, payload: { subscription: { endpoint, keys: keys.keys }, lang } });
  return { res, keys };
}

describe('Web Push', () => {
  test('a status change reaches the subscriber, encrypted for its keys, in its language', async () => {
    ep = await pushEndpoint();
    t = await testApp({ demo: true, push: { endpointAllowed: (u) => u.hostname === '127.0.0.1' } });
    const officer = await login(t.app, 'demo.officer');
    const d = await sendDossier(t.app, VO_NHAI);
    const en = await subscribe(d, `${ep.base}/push/en`, 'en');
    expect(en.res.statusCode, en.res.body).toBe(204);
    const vi = await subscribe(d, `${ep.base}/push/vi`, 'vi');
    expect(vi.res.statusCode).toBe(204);

    await actAll(officer, d.id, [{ action: 'accept' }]);
    await t.app.push.settled();
    expect(ep.received.map((r) => r.url).sort()).toEqual(['/push/en', '/push/vi']);
    const serverKey = (await t.app.inject('/api/push/key')).json<{ publicKey: string }>().publicKey;
    for (const r of ep.received) {
      expect(r.headers['content-encoding']).toBe('aes128gcm');
      expect(Number(r.headers.ttl)).toBeGreaterThan(0);
      checkVapid(r.headers.authorization, serverKey, ep.base);
    }
    const message = (path: string, keys: ReturnType<typeof browserKeys>) => JSON.parse(decrypt(ep.received.find((r) => r.url === path)!.body, keys.ecdh, keys.auth));
    expect(message('/push/en', en.keys)).toEqual({
      title: 'Hồ sơ công',
      body: `Dossier ${d.receipt.code} was accepted. Result due 17:00 13/03/2026.`,
      url: `/dossiers/${d.id}`,
      dossierId: d.id,
      event: 'accepted',
    });
    expect(message('/push/vi', vi.keys).body).toBe(`Hồ sơ ${d.receipt.code} đã được tiếp nhận. Hẹn trả kết quả: 17:00 13/03/2026.`);

    // A step the person need not hear about sends nothing; a supplement request does.
    ep.received.length = 0;
    await actAll(officer, d.id, [{ action: 'start_processing' }]);
    await t.app.push.settled();
    expect(ep.received).toHaveLength(0);
    await actAll(officer, d.id, [{ action: 'request_supplement', items: [{ label: 'CCCD', reason: 'Mờ' }] }]);
    await t.app.push.settled();
    expect(ep.received).toHaveLength(2);
    expect(message('/push/en', en.keys)).toMatchObject({ event: 'supplement_requested', body: `Dossier ${d.receipt.code} needs: CCCD` });
    expect(message('/push/vi', vi.keys).body).toBe(`Hồ sơ ${d.receipt.code} cần bổ sung: CCCD`);
  });

  test('a refusal names its reasons, a stop its reason', async () => {
    ep = await pushEndpoint();
    t = await testApp({ demo: true, push: { endpointAllowed: (u) => u.hostname === '127.0.0.1' } });
    const officer = await login(t.app, 'demo.officer');
    const leader = await login(t.app, 'demo.leader');
    const refused = await sendDossier(t.app, VO_NHAI);
    const vi = await subscribe(refused, `${ep.base}/push/refused`, 'vi');
    await actAll(officer, refused.id, [{ action: 'refuse', reasons: ['Không thuộc thẩm quyền của xã', 'Tờ khai thiếu chữ ký'] }]);
    await t.app.push.settled();
    const body = (i: number, keys: ReturnType<typeof browserKeys>) => JSON.parse(decrypt(ep.received[i]!.body, keys.ecdh, keys.auth)) as { body: string; event: string };
    expect(body(0, vi.keys)).toMatchObject({ event: 'refused', body: `Hồ sơ ${refused.receipt.code} không được tiếp nhận vì: Không thuộc thẩm quyền của xã; Tờ khai thiếu chữ ký` });

    const stopped = await sendDossier(t.app, VO_NHAI);
    const en = await subscribe(stopped, `${ep.base}/push/stopped`, 'en');
    await actAll(officer, stopped.id, [{ action: 'accept' }, { action: 'start_processing' }]);
    await actAll(leader, stopped.id, [{ action: 'stop', reason: 'Đề nghị của người dân' }]);
    await t.app.push.settled();
    expect(body(ep.received.length - 1, en.keys)).toMatchObject({ event: 'stopped', body: `Dossier ${stopped.receipt.code} was stopped because: Đề nghị của người dân` });
  });

  test('a subscription the push service says is gone (410) is removed', async () => {
    ep = await pushEndpoint(410);
    t = await testApp({ demo: true, push: { endpointAllowed: (u) => u.hostname === '127.0.0.1' } });
    const officer = await login(t.app, 'demo.officer');
    const d = await sendDossier(t.app, VO_NHAI);
    await subscribe(d, `${ep.base}/push/gone`, 'vi');
    await actAll(officer, d.id, [{ action: 'accept' }]);
    await t.app.push.settled();
    expect(ep.received).toHaveLength(1);
    ep.status = 201;
    await actAll(officer, d.id, [{ action: 'start_processing' }, { action: 'request_supplement', items: [{ label: 'CCCD', reason: 'Mờ' }] }]);
    await t.app.push.settled();
    expect(ep.received).toHaveLength(1);
  });

  test('sign-up needs the device secret and a real subscription to a push service', async () => {
    ep = await pushEndpoint();
    t = await testApp({ demo: true });
    const d = await sendDossier(t.app, VO_NHAI);
    const keys = browserKeys().keys;
    const post = (headers: Record<string, string>, subscription: unknown) => t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/push`, headers, payload: { subscription, lang: 'vi' } });
    const good = { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys };
    expect((await post({ 'x-dossier-secret': 'x'.repeat(24) }, good)).statusCode).toBe(404);
    expect((await post({}, good)).statusCode).toBe(404);
    // The default allows only the browsers' push services over HTTPS: nothing inside the network.
    expect((await post({ 'x-dossier-secret': d.secret }, { ...good, endpoint: `${ep.base}/x` })).statusCode).toBe(400);
    expect((await post({ 'x-dossier-secret': d.secret }, { ...good, keys: { ...keys, auth: 'short' } })).statusCode).toBe(400);
    expect((await post({ 'x-dossier-secret': d.secret }, good)).statusCode).toBe(204);
    expect(isKnownPushService(new URL('https://web.push.apple.com/QGx'))).toBe(true);
    expect(isKnownPushService(new URL('https://evil.example/push.apple.com'))).toBe(false);
    expect(isKnownPushService(new URL('http://fcm.googleapis.com/x'))).toBe(false);
  });

  test('VAPID_SUBJECT: a mailto: or https: contact, else the start stops', () => {
    expect(loadConfig({ VAPID_SUBJECT: 'mailto:hotro@thainguyen.gov.vn' }).push).toEqual({ subject: 'mailto:hotro@thainguyen.gov.vn' });
    expect(loadConfig({}).push).toBeUndefined();
    expect(() => loadConfig({ VAPID_SUBJECT: 'hotro@x.vn' })).toThrow(/VAPID_SUBJECT/);
  });
});
