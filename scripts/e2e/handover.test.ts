// Handover between the staff of a unit in Chromium (Mẫu 05): the desk officer hands a dossier
// to the specialist, who sees it under "Của tôi" and hands it on to the leader; the leader
// accepts it; Mẫu 05 lists the three steps. Each in their own browser context.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../lib/browser.ts';
import { makePng } from '../lib/png.ts';
import { startServer, type RunningServer } from '../lib/server.ts';
import { sendDossierByApi } from './desk-api.ts';
import { DESK, SHOTS, shoot, StaffConsole } from './staff-console.ts';

describe('handover in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer({ DEMO: '1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = async (username: string) => {
    const desk = new StaffConsole(await (await browser.newContext({ viewport: DESK, locale: 'vi-VN' })).newPage(), server.url);
    await desk.signIn(username);
    return desk;
  };

  it('officer → specialist ("mine") → leader, who accepts; Mẫu 05 lists the three steps', async () => {
    const sent = await sendDossierByApi(server.url, {
      procedureCode: '1.004873',
      unitCode: '05716',
      fullName: 'Hà Văn Tư',
      fields: { currentStatus: 'single', purpose: 'Kết hôn' },
      pages: { declaration: makePng(500, 700, 31), idCard: makePng(640, 400, 32) },
    });

    // The desk officer hands it to the specialist, then only reads it.
    const officer = await signedIn('demo.officer');
    await officer.queueItem(sent.code).click();
    await officer.waitForStatus('registered');
    expect(await officer.byTestId('holder').textContent()).toContain('Bộ phận một cửa');
    await officer.handTo('Chuyên viên xã Võ Nhai (demo)');
    expect(await officer.byTestId('holder').textContent()).toContain('Chuyên viên xã Võ Nhai (demo)');
    expect(await officer.byTestId('held-by').textContent()).toContain('Chuyên viên xã Võ Nhai (demo)');
    expect(await officer.byTestId('action-accept').isDisabled()).toBe(true);
    await shoot(officer.page, '30-handed-to-specialist');

    // The specialist finds it under "Của tôi" and hands it on to the leader.
    const specialist = await signedIn('demo.specialist');
    await specialist.openTab('mine');
    const mine = specialist.queueItem(sent.code);
    await mine.waitFor();
    expect(await mine.getByTestId('queue-holder').getAttribute('data-mine')).toBe('true');
    await shoot(specialist.page, '31-queue-mine');
    await mine.click();
    await specialist.waitForStatus('registered');
    expect(await specialist.byTestId('holder').getAttribute('data-mine')).toBe('true');
    await specialist.handTo('Lãnh đạo xã Võ Nhai (demo)');
    expect(await specialist.byTestId('action-accept').isDisabled()).toBe(true);

    // The leader holds it now and accepts it (Mẫu 01).
    const leader = await signedIn('demo.leader');
    await leader.openTab('mine');
    await leader.queueItem(sent.code).click();
    await leader.waitForStatus('registered');
    await leader.startAction('accept');
    await leader.submitAction();
    await leader.waitForStatus('accepted');
    expect(await leader.byTestId('handover-step').count()).toBe(3);

    // Mẫu 05: the reception at the desk, the specialist's step, the leader's step.
    await leader.byTestId('print-control-sheet').click();
    await leader.waitForForm('05');
    const steps = leader.byTestId('control-step');
    expect(await steps.count()).toBe(3);
    const rows = await steps.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['Người nộp hồ sơ', 'Bộ phận tiếp nhận và trả kết quả (Cán bộ một cửa (demo))'],
      ['Cán bộ một cửa (demo)', 'Chuyên viên xã Võ Nhai (demo)'],
      ['Chuyên viên xã Võ Nhai (demo)', 'Lãnh đạo xã Võ Nhai (demo)'],
    ]);
    // The two steps handed on have a time and a verdict; the leader's is still open.
    expect(rows.map((r) => (r[5] ? 'handed' : 'open'))).toEqual(['handed', 'handed', 'open']);
    expect(rows.slice(0, 2).every((r) => ['Trước hạn', 'Đúng hạn', 'Quá hạn'].includes(r[6]!))).toBe(true);
    expect(rows[2]![6]).toBe('Đang giải quyết');
    expect(await leader.byTestId('form-05').textContent()).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    await shoot(leader.page, '32-form-05');
    for (const desk of [officer, specialist, leader]) await desk.page.context().close();
  });
});
