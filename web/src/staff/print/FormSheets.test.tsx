import { render, screen, waitFor } from '@testing-library/react';
import type { FormDocument } from '@hsc/shared/desk';
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, FORM_01, setupStaffTest } from '../test/fixtures.ts';
import { FormPreview } from './FormPreview.tsx';
import { QR_OPTIONS } from './Qr.tsx';

beforeEach(setupStaffTest);
afterEach(() => vi.unstubAllGlobals());

describe('the printed Mẫu 01', () => {
  it('shows the stored form’s fields as issued, in Vietnamese time, with the QR of the dossier code', async () => {
    fakeApi({ 'GET /api/staff/forms/f1': () => FORM_01 });
    render(<FormPreview formId="f1" />);
    const sheet = await screen.findByTestId('form-01');
    const text = sheet.textContent!;
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Xã Võ Nhai',
      'Bộ phận Một cửa',
      'Số: 7/2026',
      'Xã Võ Nhai, ngày 10 tháng 03 năm 2026',
      'Hoàng Thị Lan',
      'Xóm Làng Lường, xã Võ Nhai',
      '0912345678',
      'lan@example.vn',
      'K3QX',
      'Số lượng hồ sơ: 1 bộ',
      'Thời gian giải quyết theo quy định: Trong ngày',
      'Nhận kết quả tại: Tại Bộ phận Một cửa',
      'Vào Sổ theo dõi hồ sơ, số: 7/2026',
      'Nguyễn Thị Hoa',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
    ])
      expect(text).toContain(expected);
    expect(screen.getByTestId('form-code').textContent).toBe('H19.05716-260310-0001');
    expect(screen.getByTestId('form-procedure').textContent).toBe('Chứng thực chữ ký');
    const fields = screen.getByTestId('form-fields');
    expect(fields.textContent).toContain('Tên giấy tờ cần ký: Giấy ủy quyền');
    expect([...fields.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Họ tên: Lò Văn Páo', 'Họ tên: Lò Thị Mai']);
    // 08:05 and 17:00 in Vietnam, whatever the machine's time zone.
    expect(screen.getByTestId('form-received').textContent).toBe('Thời gian nhận hồ sơ: 08:05 10/03/2026');
    expect(screen.getByTestId('form-due').textContent).toBe('Thời gian trả kết quả: 17:00 10/03/2026');
    const rows = screen.getByTestId('form-documents').querySelectorAll('tbody tr');
    expect([...rows].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['1', 'Căn cước', 'Bản điện tử', '1', '2'],
      ['2', 'Giấy tờ cần chứng thực chữ ký', 'Bản điện tử', '1', '1'],
    ]);
    // A form issued before the copies were recorded prints no line for them.
    expect(screen.queryByTestId('form-copies')).toBeNull();

    const qr = screen.getByTestId('form-qr');
    expect(qr.dataset.text).toBe('H19.05716-260310-0001');
    await waitFor(() => expect(qr.querySelector('svg')).not.toBeNull());
    // The drawn code is exactly the QR of the dossier code.
    const expected = document.createElement('span');
    expected.innerHTML = await QRCode.toString('H19.05716-260310-0001', QR_OPTIONS);
    expect(qr.querySelector('.qr-svg')!.innerHTML).toBe(expected.innerHTML);
  });

  it('lists each document as original, copy or certified copy with its count, and the copies (liên) of the receipt', async () => {
    const form = {
      ...FORM_01,
      channel: 'desk' as const,
      copies: 2,
      documents: [
        { slot: 'idCard', label: 'Căn cước', pages: 2, version: 1, kind: 'original' as const, count: 1 },
        { slot: 'document', label: 'Giấy tờ cần chứng thực chữ ký', pages: 1, version: 1, kind: 'certifiedCopy' as const, count: 1 },
        { slot: 'other', label: 'Giấy ủy quyền', pages: 3, version: 2, kind: 'copy' as const, count: 2 },
        { slot: 'scan', label: 'Ảnh chụp', pages: 1, version: 1, kind: 'electronicCopy' as const, count: 1 },
      ],
    };
    fakeApi({ 'GET /api/staff/forms/f1': () => form });
    render(<FormPreview formId="f1" />);
    await screen.findByTestId('form-01');
    const rows = screen.getByTestId('form-documents').querySelectorAll('tbody tr');
    expect([...rows].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['1', 'Căn cước', 'Bản chính', '1', '2'],
      ['2', 'Giấy tờ cần chứng thực chữ ký', 'Bản sao có chứng thực', '1', '1'],
      ['3', 'Giấy ủy quyền', 'Bản sao', '2', '3'],
      ['4', 'Ảnh chụp', 'Bản sao điện tử', '1', '1'],
    ]);
    expect(screen.getByTestId('form-copies').textContent).toBe('Giấy tiếp nhận được lập thành 02 liên.');
  });

  it('prints what the server stored, not what the screen knows', async () => {
    fakeApi({ 'GET /api/staff/forms/f1': () => ({ ...FORM_01, applicant: { ...FORM_01.applicant, fullName: 'Tên như đã lưu' } }) });
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    render(<FormPreview formId="f1" />);
    expect((await screen.findByTestId('form-applicant')).textContent).toContain('Tên như đã lưu');
    screen.getByTestId('print').click();
    expect(print).toHaveBeenCalledOnce();
  });

  it('Mẫu 02 names the officer to contact, with their phone when the form has one', async () => {
    const f1 = FORM_01 as Extract<FormDocument, { kind: '01' }>;
    const { number, issuedAt, dossierId, dossierCode, lookupCode, agency, applicant, procedure, officer, receivedAt } = f1;
    const form02 = { number, issuedAt, dossierId, dossierCode, lookupCode, agency, applicant, procedure, officer, receivedAt, id: 'f2', kind: '02' as const, supplementId: 's1', items: [{ label: 'Căn cước', reason: 'Ảnh mờ' }] };
    fakeApi({
      'GET /api/staff/forms/f2': () => ({ ...form02, officer: { ...form02.officer, phone: '0208 3820 111' } }),
      'GET /api/staff/forms/f3': () => ({ ...form02, id: 'f3' }),
    });
    const { unmount } = render(<FormPreview formId="f2" />);
    expect((await screen.findByTestId('form-contact')).textContent).toBe('Cần hỏi thêm, ông/bà liên hệ: Nguyễn Thị Hoa, số điện thoại 0208 3820 111.');
    unmount();
    render(<FormPreview formId="f3" />);
    expect((await screen.findByTestId('form-contact')).textContent).toBe('Cần hỏi thêm, ông/bà liên hệ: Nguyễn Thị Hoa.');
  });

  it('says plainly when the form cannot be read', async () => {
    fakeApi({});
    render(<FormPreview formId="nope" />);
    expect((await screen.findByRole('alert')).textContent).toBe('Không tìm thấy hồ sơ này, hoặc hồ sơ không thuộc đơn vị của bạn.');
  });
});
