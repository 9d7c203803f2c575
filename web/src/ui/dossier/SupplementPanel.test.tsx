// What the person sees when the commune asks for more documents, and when the result is there.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../capture/hash.ts';
import { addAttachment, listAttachments } from '../../db/attachments.ts';
import { getDossier, saveStatus } from '../../db/dossiers.ts';
import { saveResult } from '../../db/results.ts';
import { listSupplements } from '../../db/supplements.ts';
import { initI18n } from '../../i18n/index.ts';
import { bytes, receivedDossier, resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { DossierDetail } from '../screens/DossierDetail.tsx';
import { Home } from '../screens/Home.tsx';

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
});

const REQUEST = {
  id: '7d1c9a52-0f4e-4c61-9a7b-2b1e8e0c4d11',
  requestedAt: '2026-11-26T04:00:00.000Z',
  items: [
    { slot: 'idCard', label: 'Căn cước', reason: 'Ảnh mặt sau bị mờ' },
    { label: 'Bản gốc giấy ủy quyền', reason: 'Mang bản gốc đến đối chiếu' },
  ],
};

describe('a supplement request on the phone', () => {
  it('says plainly what to add and why, on the dossier page and on Home', async () => {
    const { d, receipt } = await receivedDossier();
    await saveStatus(d.id, { receipt, status: 'supplement_requested', dueAt: receipt.dueAt, timeline: [], supplement: REQUEST });

    render(<DossierDetail id={d.id} />);
    const panel = await screen.findByTestId('supplement-panel');
    expect(panel.textContent).toContain('Xã cần bổ sung giấy tờ');
    const items = screen.getAllByTestId('supplement-item');
    expect(items.map((i) => i.dataset.slot)).toEqual(['idCard', '']);
    expect(items[0]!.textContent).toContain('Ảnh mặt sau bị mờ');
    expect(items[1]!.textContent).toContain('Bản gốc giấy ủy quyền');
    expect(items[1]!.textContent).toContain('Mang bản gốc đến đối chiếu');

    render(<Home />);
    expect((await screen.findByTestId('home-note')).textContent).toBe('Xã cần bổ sung giấy tờ');
  });

  it('offers the named slot only, refuses Send without a page, and queues the answer with one', async () => {
    const { d, receipt } = await receivedDossier();
    await saveStatus(d.id, { receipt, status: 'supplement_requested', dueAt: receipt.dueAt, timeline: [], supplement: REQUEST });
    render(<DossierDetail id={d.id} />);
    fireEvent.click(await screen.findByTestId('supplement-start'));
    await screen.findByTestId('attach-idCard');
    expect(screen.queryByTestId('attach-document')).toBeNull();

    fireEvent.click(screen.getByTestId('supplement-send'));
    expect((await screen.findByTestId('supplement-missing')).textContent).toContain('Căn cước');

    const [answer] = await listSupplements(d.id);
    const blob = bytes('mat-sau');
    await addAttachment({ dossierId: d.id, slot: 'idCard', fileName: 'mat-sau.png', mediaType: 'image/png', size: blob.size, sha256: await sha256Hex(blob), blob, supplementId: answer!.id });
    await screen.findByTestId('page-idCard');
    fireEvent.click(screen.getByTestId('supplement-send'));
    await waitFor(() => expect(screen.getByTestId('supplement-panel').dataset.state).toBe('queued'));
    // The first submission's pages are untouched.
    expect(await listAttachments(d.id)).toHaveLength(2);
  });

  it('says in plain words why an answer was set aside, with what is missing', async () => {
    const { d, receipt } = await receivedDossier();
    await saveStatus(d.id, { receipt, status: 'supplement_requested', dueAt: receipt.dueAt, timeline: [], supplement: REQUEST });
    const { startSupplement, queueSupplement, markSupplementSending, markSupplementAttention } = await import('../../db/supplements.ts');
    const answer = await startSupplement(d.id, REQUEST);
    await queueSupplement(answer.id);
    await markSupplementSending(answer.id);
    await markSupplementAttention(answer.id, { code: 'invalid', message: 'invalid', fields: [{ path: 'documents.idCard', code: 'missingDocument', message: 'x' }] });
    render(<DossierDetail id={d.id} />);
    const box = await screen.findByTestId('supplement-attention');
    expect(box.textContent).toContain('Xã chưa nhận phần bổ sung vì còn thiếu hoặc sai giấy tờ');
    expect(box.textContent).toContain('Căn cước của người ký');
  });
});

describe('the result on the phone', () => {
  it('shows "Đã có kết quả" with the download button, and the kept file once downloaded', async () => {
    const { d, receipt } = await receivedDossier();
    const result = { fileName: 'ket-qua.pdf', mediaType: 'application/pdf', size: 3, sha256: 'a'.repeat(64) };
    await saveStatus(d.id, { receipt, status: 'processed', dueAt: receipt.dueAt, timeline: [], result });
    render(<DossierDetail id={d.id} />);
    expect((await screen.findByTestId('result-panel')).textContent).toContain('Đã có kết quả');
    expect(screen.getByTestId('result-download').textContent).toBe('Tải kết quả');

    await saveResult({ dossierId: d.id, ...result, blob: new Blob(['pdf']), downloadedAt: 1 });
    await screen.findByTestId('result-saved');
    expect((await getDossier(d.id))?.result).toEqual(result);
  });
});
