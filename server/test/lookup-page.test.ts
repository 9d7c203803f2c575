// /tra-cuu, the lookup page for people without the app: light HTML without script, the same
// page for an unknown code and a wrong lookup code, and attempts limited per client.
import type { Receipt } from '@hsc/shared';
import { afterEach, describe, expect, test } from 'vitest';
import { vnDateTime } from '../src/services/push.ts';
import { sendDossier, VO_NHAI } from './support/desk.ts';
import { testApp, type TestApp } from './support/app.ts';

let t: TestApp;
afterEach(() => t.close());

const form = (fields: Record<string, string>, ip = '203.0.113.7') =>
  t.app.inject({
    method: 'POST',
    url: '/tra-cuu',
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

const otherLookup = (r: Receipt) => (r.lookupCode === 'AAAA' ? 'BBBB' : 'AAAA');

describe('/tra-cuu', () => {
  test('the empty form: light, no script, Vietnamese with an English line, prefilled code only', async () => {
    t = await testApp();
    const res = await t.app.inject('/tra-cuu?ma=H19.05716-260310-0001');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Buffer.byteLength(res.body)).toBeLessThan(10_000);
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).toContain('Tra cứu hồ sơ');
    expect(res.body).toContain('lang="en"');
    expect(res.body).toContain('value="H19.05716-260310-0001"');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const xss = await t.app.inject('/tra-cuu?ma=%22%3E%3Cscript%3E');
    expect(xss.body).not.toContain('<script>');
  });

  test('the right codes show status, due date and timeline; lower case lookup is fine', async () => {
    t = await testApp({ demo: true });
    const d = await sendDossier(t.app, VO_NHAI);
    const res = await form({ ma: d.receipt.code, tra: d.receipt.lookupCode.toLowerCase() });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain(d.receipt.code);
    expect(res.body).toContain('Đã nộp, chờ tiếp nhận');
    expect(res.body).toContain(vnDateTime(d.receipt.dueAt));
    expect(res.body).toContain(`<li>${vnDateTime(d.receipt.receivedAt)}: Đã nộp, chờ tiếp nhận`);
    expect(Buffer.byteLength(res.body)).toBeLessThan(10_000);
    expect(res.body).not.toMatch(/<script/i);
  });

  test('an unknown code and a wrong lookup code give the same page and status', async () => {
    t = await testApp({ demo: true });
    const d = await sendDossier(t.app, VO_NHAI);
    const wrong = await form({ ma: d.receipt.code, tra: otherLookup(d.receipt) });
    const unknown = await form({ ma: d.receipt.code.replace(/\d{4}$/, '9999'), tra: d.receipt.lookupCode });
    const empty = await form({});
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(empty.statusCode).toBe(404);
    // What was typed comes back in the form; apart from that the three pages are one.
    const typedAway = (body: string) => body.replace(/ value="[^"]*"/g, '');
    expect(typedAway(unknown.body)).toBe(typedAway(wrong.body));
    expect(typedAway(empty.body)).toBe(typedAway(wrong.body));
    expect(wrong.body).toContain('Không tìm thấy hồ sơ');
  });

  test('a miss keeps what was typed, and the same typed codes give the same page whether the dossier exists or not', async () => {
    t = await testApp({ demo: true });
    const typed = { ma: 'H19.05716-260310-0001', tra: 'ZZZ9' };
    const before = await form(typed);
    expect(before.statusCode).toBe(404);
    expect(before.body).toContain('value="H19.05716-260310-0001"');
    expect(before.body).toContain('value="ZZZ9"');
    expect((await form({ ma: '"><b>x', tra: '<i>' })).body).not.toMatch(/<b>x|<i>/);
    const d = await sendDossier(t.app, VO_NHAI);
    expect(d.receipt.code).toBe(typed.ma); // the code typed now exists, the lookup code is still wrong
    const after = await form(typed);
    expect(after.statusCode).toBe(404);
    expect(after.body).toBe(before.body);
  });

  test('attempts are limited per client: the next one is a 429 page, even with the right codes', async () => {
    t = await testApp({ demo: true, trackRateLimit: { max: 3, timeWindow: 60_000 } });
    const d = await sendDossier(t.app, VO_NHAI);
    for (let i = 0; i < 3; i++) expect((await form({ ma: d.receipt.code, tra: otherLookup(d.receipt) })).statusCode).toBe(404);
    const limited = await form({ ma: d.receipt.code, tra: d.receipt.lookupCode });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(limited.body).toContain('quá nhiều lần');
    // Another client is not affected.
    expect((await form({ ma: d.receipt.code, tra: d.receipt.lookupCode }, '198.51.100.9')).statusCode).toBe(200);
  });

  test('Vietnamese time on the page', () => {
    expect(vnDateTime('2026-03-13T10:00:00.000Z')).toBe('17:00 13/03/2026');
  });
});
