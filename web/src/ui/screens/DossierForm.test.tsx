import { createHash } from 'node:crypto';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAttachments } from '../../db/attachments.ts';
import { db } from '../../db/db.ts';
import { createDraft, getDossier, patchDraft } from '../../db/dossiers.ts';
import { initI18n, switchLanguage } from '../../i18n/index.ts';
import { resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { DossierForm } from './DossierForm.tsx';

// jsdom cannot decode or draw pictures; the real shrinker is exercised in Chromium (scripts/e2e).
vi.mock('../../capture/shrink.ts', async () => {
  const { fakeShrinker } = await import('../../test-utils/fake-shrink.ts');
  return { createShrinker: () => fakeShrinker };
});

function pick(input: HTMLElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
  await switchLanguage('vi');
});

describe('the dossier form', () => {
  it('is generated from the procedure: units, applicant, fields by type, one block per document', async () => {
    const d = await createDraft('1.001193');
    render(<DossierForm id={d.id} />);
    await screen.findByTestId('send');

    const unit = screen.getByTestId('field-unitCode') as HTMLSelectElement;
    expect(unit.tagName).toBe('SELECT');
    expect([...unit.options].map((o) => o.value)).toEqual(expect.arrayContaining(['05533', '05716']));
    for (const key of ['fullName', 'phone', 'citizenId', 'address', 'email']) expect(screen.getByTestId(`field-applicant.${key}`)).toBeTruthy();
    expect(screen.getByTestId('field-applicant.phone').getAttribute('inputmode')).toBe('numeric');
    expect(screen.getByTestId('field-applicant.citizenId').getAttribute('inputmode')).toBe('numeric');

    expect((screen.getByTestId('field-fields.childName') as HTMLInputElement).type).toBe('text');
    expect((screen.getByTestId('field-fields.childBirthDate') as HTMLInputElement).type).toBe('date');
    const sex = screen.getByTestId('field-fields.childSex') as HTMLSelectElement;
    expect(sex.tagName).toBe('SELECT');
    expect([...sex.options].map((o) => o.textContent)).toEqual(['— Chọn —', 'Nam', 'Nữ']);

    for (const slot of ['declaration', 'birthProof', 'parentsId', 'marriageCert']) {
      const input = screen.getByTestId(`attach-${slot}`) as HTMLInputElement;
      expect(input.type).toBe('file');
      expect(input.multiple).toBe(true);
    }
    expect(screen.getByTestId('camera-declaration').getAttribute('capture')).toBe('environment');
  });

  it('shows the Vietnamese message under a wrong phone number once the person leaves the field', async () => {
    const d = await createDraft('2.000884');
    render(<DossierForm id={d.id} />);
    const phone = await screen.findByTestId('field-applicant.phone');

    fireEvent.change(phone, { target: { value: '12345' } });
    expect(screen.queryByTestId('error-applicant.phone')).toBeNull(); // not while typing
    fireEvent.blur(phone);
    expect(screen.getByTestId('error-applicant.phone').textContent).toBe('Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678).');
    expect(phone.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(phone, { target: { value: '0912 345 678' } });
    expect(screen.queryByTestId('error-applicant.phone')).toBeNull();
  });

  it('saves what is typed to IndexedDB and says so', async () => {
    const d = await createDraft('2.000884');
    render(<DossierForm id={d.id} />);
    const name = await screen.findByTestId('field-applicant.fullName');

    fireEvent.change(name, { target: { value: 'Hoàng Thị Lan' } });
    fireEvent.change(screen.getByTestId('field-fields.documentName'), { target: { value: 'Giấy ủy quyền' } });
    fireEvent.change(screen.getByTestId('field-unitCode'), { target: { value: '05716' } });
    expect(screen.getByTestId('saved-indicator').dataset.saved).toBe('false');

    await waitFor(async () => {
      const stored = await getDossier(d.id);
      expect(stored?.applicant.fullName).toBe('Hoàng Thị Lan');
      expect(stored?.fields.documentName).toBe('Giấy ủy quyền');
      expect(stored?.unitCode).toBe('05716');
    });
    await waitFor(() => expect(screen.getByTestId('saved-indicator').dataset.saved).toBe('true'));
    expect(screen.getByTestId('saved-indicator').textContent).toContain('Đã lưu trên điện thoại');
  });

  it('stores picked pages as Blobs with their SHA-256 and shows one thumbnail per page', async () => {
    const d = await createDraft('2.000884');
    render(<DossierForm id={d.id} />);
    const input = await screen.findByTestId('attach-document');
    pick(input, [new File(['page-1'], 'p1.png', { type: 'image/png' }), new File(['page-2'], 'p2.pdf', { type: 'application/pdf' })]);

    await waitFor(() => expect(screen.getAllByTestId('page-document')).toHaveLength(2));
    const pages = await listAttachments(d.id);
    expect(pages.map((p) => [p.fileName, p.mediaType, p.size])).toEqual([
      ['p1.png', 'image/png', 6],
      ['p2.pdf', 'application/pdf', 6],
    ]);
    expect(pages[0]?.sha256).toBe(createHash('sha256').update('page-1').digest('hex'));
    expect(await pages[0]!.blob.text()).toBe('page-1');

    // Removing asks first; keeping is the answer that has the focus.
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ trang 1' }));
    expect(screen.getByTestId('page-remove-ask').textContent).toContain('Bỏ trang 1 khỏi hồ sơ?');
    expect(document.activeElement?.textContent).toBe('Giữ lại');
    fireEvent.click(screen.getByRole('button', { name: 'Giữ lại' }));
    expect(screen.queryByTestId('page-remove-ask')).toBeNull();
    expect(await listAttachments(d.id)).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ trang 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ trang này' }));
    await waitFor(() => expect(screen.getAllByTestId('page-document')).toHaveLength(1));
    expect((await listAttachments(d.id)).map((p) => p.fileName)).toEqual(['p2.pdf']);
  });

  it('on a full disk says the change is not saved yet, keeps it, and saves it once there is room', async () => {
    const d = await createDraft('2.000884');
    render(<DossierForm id={d.id} />);
    const name = await screen.findByTestId('field-applicant.fullName');
    const put = vi.spyOn(db.dossiers, 'put').mockRejectedValueOnce(new DOMException('quota', 'QuotaExceededError'));

    fireEvent.change(name, { target: { value: 'Hoàng' } });
    await waitFor(() => expect(screen.getByTestId('saved-indicator').textContent).toContain('Chưa lưu được: bộ nhớ điện thoại đã đầy'));
    expect(screen.getByTestId('saved-indicator').dataset.saved).toBe('false');
    expect((await getDossier(d.id))?.applicant.fullName).toBe('');

    // Space freed; the next write carries what could not be written before.
    fireEvent.change(screen.getByTestId('field-applicant.address'), { target: { value: 'Võ Nhai' } });
    await waitFor(() => expect(screen.getByTestId('saved-indicator').dataset.saved).toBe('true'));
    const stored = await getDossier(d.id);
    expect([stored?.applicant.fullName, stored?.applicant.address]).toEqual(['Hoàng', 'Võ Nhai']);
    put.mockRestore();
  });

  it('shrinks a photo unless "keep the original" is ticked, which warns about the size', async () => {
    const d = await createDraft('2.000884');
    render(<DossierForm id={d.id} />);
    const input = await screen.findByTestId('attach-document');
    pick(input, [new File(['big camera photo'], 'IMG_1.jpg', { type: 'image/jpeg' })]);
    await waitFor(() => expect(screen.getAllByTestId('page-document')).toHaveLength(1));
    expect(screen.queryByTestId('keep-original-warning')).toBeNull();

    fireEvent.click(screen.getByTestId('keep-original'));
    expect(screen.getByTestId('keep-original-warning').textContent).toContain('Ảnh gốc nặng gấp nhiều lần');
    pick(input, [new File(['big camera photo'], 'IMG_2.jpg', { type: 'image/jpeg' })]);
    await waitFor(() => expect(screen.getAllByTestId('page-document')).toHaveLength(2));

    const pages = await listAttachments(d.id);
    expect(pages.map((p) => [p.fileName, p.shrunk, p.originalSize])).toEqual([
      ['IMG_1.webp', true, 16],
      ['IMG_2.jpg', false, 16],
    ]);
    expect(await pages[0]!.blob.text()).toBe('small: camera photo');
    expect(await pages[1]!.blob.text()).toBe('big camera photo');
  });

  it('says plainly that a damaged photo was not saved', async () => {
    const d = await createDraft('2.000884');
    render(<DossierForm id={d.id} />);
    pick(await screen.findByTestId('attach-idCard'), [new File(['broken'], 'hong.jpg', { type: 'image/jpeg' })]);
    const problem = await screen.findByTestId('problem-idCard');
    expect(problem.dataset.reason).toBe('unreadable');
    expect(problem.textContent).toContain('Không mở được ảnh “hong.jpg”');
    expect(problem.textContent).toContain('chưa được lưu');
    expect(await listAttachments(d.id)).toEqual([]);
  });

  it('on Send with problems shows every error at once and keeps the draft', async () => {
    const d = await createDraft('2.000884');
    render(<DossierForm id={d.id} />);
    fireEvent.click(await screen.findByTestId('send'));

    await screen.findByTestId('form-problems');
    expect(screen.getByTestId('error-unitCode').textContent).toBe('Vui lòng điền mục này.');
    expect(screen.getByTestId('error-applicant.fullName').textContent).toBe('Vui lòng điền mục này.');
    expect(screen.getByTestId('error-documents.idCard').textContent).toBe('Cần chụp hoặc chọn giấy tờ này.');
    expect(screen.queryByTestId('error-applicant.email')).toBeNull();
    expect((await getDossier(d.id))?.state).toBe('draft');
  });

  it('shows messages in English after switching language', async () => {
    const d = await createDraft('2.000884');
    render(<DossierForm id={d.id} />);
    const phone = await screen.findByTestId('field-applicant.phone');
    fireEvent.change(phone, { target: { value: '123' } });
    fireEvent.blur(phone);
    await switchLanguage('en');
    await waitFor(() => expect(screen.getByTestId('error-applicant.phone').textContent).toBe('A phone number has 10 digits and starts with 0 (for example 0912345678).'));
    expect(screen.getByTestId('send').textContent).toBe('Send dossier');
  });

  it('takes in what another tab wrote to the same draft without losing what this tab typed', async () => {
    const d = await createDraft('2.000884');
    render(<DossierForm id={d.id} />);
    const name = (await screen.findByTestId('field-applicant.fullName')) as HTMLInputElement;
    fireEvent.change(name, { target: { value: 'Hoàng Thị Lan' } });

    await patchDraft(d.id, { 'fields.documentName': 'Giấy ủy quyền' }); // the other tab
    await waitFor(() => expect((screen.getByTestId('field-fields.documentName') as HTMLInputElement).value).toBe('Giấy ủy quyền'));
    expect(name.value).toBe('Hoàng Thị Lan');
    await waitFor(async () => {
      const stored = await getDossier(d.id);
      expect(stored?.applicant.fullName).toBe('Hoàng Thị Lan');
      expect(stored?.fields.documentName).toBe('Giấy ủy quyền');
    });
  });
});
