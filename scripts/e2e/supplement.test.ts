// The supplement round trip and the result, end to end in Chromium against the real server
// (demo accounts): the citizen app sends a dossier; the officer (staff API, cookie + CSRF)
// asks for a new photo of the ID card; the app shows the request at its next sync; the person
// adds the page OFFLINE and presses Send; back online it goes by itself. The officer accepts,
// processes, uploads a result and finishes; the app shows "Đã có kết quả" and downloads it,
// byte for byte.
import { createHash } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPhoneContext } from '../lib/browser.ts';
import { makePng } from '../lib/png.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { CitizenApp } from './citizen-app.ts';
import { readStore } from './device-db.ts';
import { signIn } from './staff-api.ts';

describe('supplement round trip and result in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer({ DEMO: '1' });
    browser = await launchChromium();
    context = await newPhoneContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks, receives the supplement sent offline, and delivers the result', async () => {
    const page = await context.newPage();
    const app = new CitizenApp(page, server.url);
    await app.open();
    await app.waitUntilOfflineReady();
    const id = await app.sendSignatureDossier(1);
    const firstDue = await app.byTestId('receipt-due').textContent();

    // The officer asks for a readable ID card.
    const officer = await signIn(server.url);
    await officer.act(id, { action: 'request_supplement', items: [{ slot: 'idCard', label: 'Căn cước công dân', reason: 'Ảnh mặt sau bị mờ, không đọc được số.' }] });

    await app.nextSync(id);
    const panel = app.byTestId('supplement-panel');
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.textContent()).toContain('Xã cần bổ sung giấy tờ');
    expect(await app.byTestId('supplement-item').getAttribute('data-slot')).toBe('idCard');
    expect(await app.byTestId('supplement-item').textContent()).toContain('Ảnh mặt sau bị mờ');

    // Offline: the new page is taken and Send pressed; it waits in the outbox.
    await context.setOffline(true);
    await expect.poll(() => app.byTestId('net-status').getAttribute('data-online')).toBe('false');
    await app.byTestId('supplement-start').click();
    const newPage = makePng(640, 400, 7);
    await app.attach('idCard', 'can-cuoc-ro.png', newPage);
    await app.byTestId('supplement-send').click();
    await expect.poll(() => panel.getAttribute('data-state')).toBe('queued');

    // Online: sent by itself; the request goes away and the answer is in the history.
    await context.setOffline(false);
    await app.byTestId('supplement-sent').waitFor({ timeout: 60_000 });
    await expect.poll(() => app.byTestId('supplement-panel').count()).toBe(0);
    const held = (await (await officer.get(`/api/staff/dossiers/${id}`)).json()) as { dossier: { status: string; attachments: { slot: string; version: number; sha256: string; current: boolean }[] } };
    expect(held.dossier.status).toBe('registered');
    const v2 = held.dossier.attachments.filter((a) => a.version === 2);
    expect(v2).toHaveLength(1);
    expect(v2[0]).toMatchObject({ slot: 'idCard', current: true });
    // The first version is kept on the server and on the phone.
    expect(held.dossier.attachments.filter((a) => a.slot === 'idCard')).toHaveLength(2);
    const pages = await readStore(page, 'attachments');
    expect(pages.filter((p) => p.dossierId === id)).toHaveLength(3);
    expect(pages.filter((p) => p.supplementId)).toHaveLength(1);
    expect(firstDue).toBeTruthy();

    // The commune processes it and attaches the result.
    await officer.act(id, { action: 'accept' });
    await officer.act(id, { action: 'start_processing' });
    const pdf = Buffer.from('%PDF-1.4\n% Kết quả chứng thực\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const { resultId } = await officer.uploadResult(id, pdf, 'application/pdf', 'ket-qua-chung-thuc.pdf');
    await officer.act(id, { action: 'finish', resultId });

    await app.nextSync(id);
    const result = app.byTestId('result-panel');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toContain('Đã có kết quả');
    await app.byTestId('result-download').click();
    await app.byTestId('result-saved').waitFor({ timeout: 30_000 });
    const [kept] = await readStore(page, 'results');
    expect(kept).toMatchObject({ dossierId: id, fileName: 'ket-qua-chung-thuc.pdf', mediaType: 'application/pdf' });
    expect(Buffer.from(kept!.blob as number[]).equals(pdf)).toBe(true);
    expect(kept!.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

    // Opened later without a network: the kept file is still offered.
    await context.setOffline(true);
    await app.open(`/dossiers/${id}`);
    await app.byTestId('result-open').waitFor();
    await context.setOffline(false);
  });
});
