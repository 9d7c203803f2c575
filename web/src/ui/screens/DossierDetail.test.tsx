import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDossier, markAttention, markReceived, markSending, saveStatus } from '../../db/dossiers.ts';
import { initI18n } from '../../i18n/index.ts';
import { progressStore } from '../../sync/progress.ts';
import { queuedDossier, resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { Home } from './Home.tsx';
import { DossierDetail } from './DossierDetail.tsx';
import { listAttachments } from '../../db/attachments.ts';
import type { Receipt } from '@hsc/shared/schemas';

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
});

async function receive(id: string): Promise<Receipt> {
  const pages = await listAttachments(id);
  const receipt: Receipt = {
    dossierId: id,
    code: 'H19.05716-261126-0001',
    lookupCode: 'K3QX',
    unitCode: '05716',
    procedureCode: '2.000884',
    status: 'registered',
    receivedAt: '2026-11-26T08:05:00.000Z', // 15:05 in Vietnam
    dueAt: '2026-11-27T10:00:00.000Z', // 17:00 in Vietnam
    documents: pages.map((p) => ({ attachmentId: p.id, slot: p.slot, sha256: p.sha256, size: p.size })),
  };
  await markSending(id);
  await markReceived(id, receipt);
  return receipt;
}

describe('a dossier after Send', () => {
  it('shows the "saved on this phone" receipt at once, offline', async () => {
    const d = await queuedDossier();
    render(<DossierDetail id={d.id} />);
    const local = await screen.findByTestId('local-receipt');
    expect(screen.getByTestId('dossier-state').dataset.state).toBe('queued');
    expect(screen.getByTestId('local-ref').textContent).toBe(d.localRef);
    expect(local.textContent).toContain('Chứng thực chữ ký');
    expect(local.textContent).toContain('Xã Võ Nhai');
    expect(local.textContent).toContain('Giấy ủy quyền');
    expect(local.textContent).toContain('Hồ sơ sẽ tự động gửi khi có mạng');
    expect(screen.queryByTestId('commune-receipt')).toBeNull();
  });

  it('shows upload progress while sending', async () => {
    const d = await queuedDossier();
    await markSending(d.id);
    render(<DossierDetail id={d.id} />);
    await screen.findByTestId('local-receipt');
    progressStore.set(d.id, { phase: 'uploading', file: 2, files: 3, filePercent: 45, sentBytes: 10, totalBytes: 30 });
    await waitFor(() => expect(screen.getByTestId('send-progress').textContent).toContain('Đang gửi ảnh 2/3 — 45%'));
    progressStore.set(d.id, undefined);
  });

  it('shows the commune receipt in Vietnamese time, the documents and the timeline', async () => {
    const d = await queuedDossier('Hoàng Thị Lan', { idCard: ['front', 'back'], document: ['letter'] });
    const receipt = await receive(d.id);
    await saveStatus(d.id, {
      receipt,
      status: 'accepted',
      dueAt: receipt.dueAt,
      timeline: [
        { status: 'registered', at: receipt.receivedAt },
        { status: 'accepted', at: '2026-11-27T01:30:00.000Z' },
      ],
    });
    render(<DossierDetail id={d.id} />);
    await screen.findByTestId('commune-receipt');
    expect(screen.getByTestId('dossier-state').dataset.state).toBe('received');
    expect(screen.getByTestId('receipt-code').textContent).toBe('H19.05716-261126-0001');
    expect(screen.getByTestId('receipt-lookup').textContent).toBe('K3QX');
    expect(screen.getByTestId('receipt-received').textContent).toBe('15:05 26/11/2026');
    expect(screen.getByTestId('receipt-due').textContent).toBe('17:00 27/11/2026');
    expect(screen.getAllByTestId('receipt-doc').map((e) => e.textContent)).toEqual(['Căn cước của người ký: 2 trang', 'Giấy tờ cần chứng thực chữ ký: 1 trang']);
    const timeline = screen.getByTestId('timeline');
    expect(timeline.textContent).toContain('Đã nộp, chờ tiếp nhận');
    expect(timeline.textContent).toContain('Đã tiếp nhận 08:30 27/11/2026');
  });

  it('appears on "My dossiers" with its state and whether it is safe', async () => {
    const a = await queuedDossier('Người A');
    const b = await queuedDossier('Người B');
    await receive(b.id);
    render(<Home />);
    await waitFor(() => expect(screen.getAllByTestId('dossier-item')).toHaveLength(2));
    const items = screen.getAllByTestId('dossier-item');
    const byState = Object.fromEntries(items.map((i) => [i.dataset.state, i.textContent ?? '']));
    expect(byState.queued).toContain('Đang chờ gửi');
    expect(byState.queued).toContain('An toàn: đã lưu trên điện thoại này, sẽ tự gửi khi có mạng.');
    expect(byState.received).toContain('An toàn: xã đã nhận, mã H19.05716-261126-0001.');
    expect(items.find((i) => i.dataset.state === 'queued')?.getAttribute('href')).toBe(`/dossiers/${a.id}`);
  });

  it('explains in plain words why it was set aside, and lets the person fix it', async () => {
    const d = await queuedDossier();
    await markSending(d.id);
    await markAttention(d.id, { code: 'invalid', message: 'invalid', fields: [{ path: 'applicant.phone', code: 'phone', message: 'bad' }] });
    render(<DossierDetail id={d.id} />);
    const panel = await screen.findByTestId('attention');
    expect(screen.getByTestId('dossier-state').dataset.state).toBe('attention');
    expect(panel.textContent).toContain('Xã chưa nhận vì một số thông tin chưa đúng');
    expect(panel.textContent).toContain('Số điện thoại: Số điện thoại gồm 10 chữ số');

    fireEvent.click(screen.getByTestId('attention-edit'));
    await waitFor(async () => expect((await getDossier(d.id))?.state).toBe('draft'));
    expect(location.pathname).toBe(`/dossiers/${d.id}/edit`);
  });
});
