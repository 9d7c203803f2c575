// After one status sync the phone tells the decision in words with no network: a refusal's two
// reasons (on the dossier and in the timeline), a supplement request's items with their reasons,
// an apology with its new date; in Vietnamese and in English.
import type { DossierStatusResponse } from '@hsc/shared/schemas';
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDossier, saveStatus } from '../../db/dossiers.ts';
import { initI18n, switchLanguage } from '../../i18n/index.ts';
import { getDossierStatus } from '../../sync/api.ts';
import { receivedDossier, resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { DossierDetail } from '../screens/DossierDetail.tsx';

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
  await switchLanguage('vi');
});
afterEach(() => vi.unstubAllGlobals());

const REASONS = ['Không thuộc thẩm quyền của xã', 'Tờ khai thiếu chữ ký'];

/** One sync through the real client and parser, then the network goes away. */
async function syncOnce(id: string, secret: string, answer: DossierStatusResponse) {
  const online = vi.fn(async () => new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } }));
  const s = await getDossierStatus({ fetch: online, base: 'http://test' }, id, secret);
  expect(s).not.toBeNull();
  await saveStatus(id, s!);
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
}

describe('decisions in words, offline after one sync', () => {
  it('a refusal: both reasons on the dossier and in the timeline, with what to do', async () => {
    const { d, receipt } = await receivedDossier({ dueAt: '2026-11-30T10:00:00.000Z' });
    const at = '2026-11-26T03:00:00.000Z';
    await syncOnce(d.id, d.deviceSecret, {
      receipt,
      status: 'refused',
      dueAt: receipt.dueAt,
      timeline: [
        { status: 'registered', at: receipt.receivedAt },
        { status: 'refused', at, note: REASONS.join('; ') },
      ],
      decision: { kind: 'refused', at, reasons: REASONS },
    });
    expect((await getDossier(d.id))?.decision).toEqual({ kind: 'refused', at, reasons: REASONS });
    render(<DossierDetail id={d.id} />);
    const panel = await screen.findByTestId('decision-panel');
    expect(panel.textContent).toContain('Xã đã từ chối nhận hồ sơ vì:');
    expect(within(panel).getAllByRole('listitem').map((li) => li.textContent)).toEqual(REASONS);
    expect(panel.textContent).toContain('Việc bạn cần làm:');
    const timeline = screen.getByTestId('timeline');
    expect(timeline.textContent).toContain('Không tiếp nhận');
    expect(timeline.textContent).toContain('Không thuộc thẩm quyền của xã; Tờ khai thiếu chữ ký');
  });

  it('a supplement request: each item and its reason; the timeline names them too', async () => {
    const { d, receipt } = await receivedDossier({ dueAt: '2026-11-30T10:00:00.000Z' });
    const at = '2026-11-26T03:00:00.000Z';
    const items = [
      { slot: 'idCard', label: 'Bản sao CCCD', reason: 'Ảnh bị mờ' },
      { label: 'Giấy xác nhận cư trú', reason: 'Chưa có trong hồ sơ' },
    ];
    await syncOnce(d.id, d.deviceSecret, {
      receipt,
      status: 'supplement_requested',
      dueAt: receipt.dueAt,
      timeline: [
        { status: 'registered', at: receipt.receivedAt },
        { status: 'supplement_requested', at, note: 'Bản sao CCCD: Ảnh bị mờ; Giấy xác nhận cư trú: Chưa có trong hồ sơ' },
      ],
      supplement: { id: 'sup-1', requestedAt: at, items },
      decision: { kind: 'supplement', at, items },
    });
    render(<DossierDetail id={d.id} />);
    const timeline = await screen.findByTestId('timeline');
    expect(timeline.textContent).toContain('Cần bổ sung giấy tờ');
    expect(timeline.textContent).toContain('Bản sao CCCD: Ảnh bị mờ; Giấy xác nhận cư trú: Chưa có trong hồ sơ');
    const page = document.body.textContent ?? '';
    for (const i of items) {
      expect(page).toContain(i.label);
      expect(page).toContain(i.reason);
    }
    // The supplement panel tells this one; no second panel repeats it.
    expect(screen.queryByTestId('decision-panel')).toBeNull();
  });

  it('an apology in English: the reason and the new date', async () => {
    await switchLanguage('en');
    const { d, receipt } = await receivedDossier({ dueAt: '2026-11-30T10:00:00.000Z' });
    const at = '2026-11-27T03:00:00.000Z';
    await syncOnce(d.id, d.deviceSecret, {
      receipt,
      status: 'processing',
      dueAt: '2026-12-03T10:00:00.000Z',
      timeline: [
        { status: 'registered', at: receipt.receivedAt },
        { status: 'processing', at, note: 'Cần xác minh tại nơi cư trú' },
      ],
      decision: { kind: 'rescheduled', at, reason: 'Cần xác minh tại nơi cư trú', previousDueAt: receipt.dueAt, newDueAt: '2026-12-03T10:00:00.000Z' },
    });
    render(<DossierDetail id={d.id} />);
    const panel = await screen.findByTestId('decision-panel');
    expect(panel.textContent).toContain('The commune apologises');
    expect(panel.textContent).toContain('Reason: Cần xác minh tại nơi cư trú');
    expect(panel.textContent).toContain('New due date: 17:00 03/12/2026');
  });
});
