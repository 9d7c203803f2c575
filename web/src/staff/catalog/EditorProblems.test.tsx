import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { fakeApi, json, setupStaffTest } from '../test/fixtures.ts';
import { ProcedureEditor } from './ProcedureEditor.tsx';
import { catalogList, PROCEDURES, published } from './testData.ts';
import { forgetAllUnsaved } from './unsaved.ts';

beforeEach(async () => {
  await setupStaffTest();
  await resetDb();
  await seedReferenceData();
  forgetAllUnsaved();
  history.replaceState(null, '', '/staff/catalog/1.001193');
});
afterEach(() => vi.unstubAllGlobals());

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const click = (testId: string) => fireEvent.click(screen.getByTestId(testId));
const value = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;
const list = { 'GET /api/admin/procedures': () => ({ procedures: catalogList(), version: '9' }) };

describe('problems in a procedure', () => {
  it('are found before anything is sent and written under the control they are about, in plain words', async () => {
    const api = fakeApi({ ...list, 'GET /api/admin/procedures/1.001193': () => published(PROCEDURES.BIRTH, 3) });
    render(<ProcedureEditor code="1.001193" />);
    await screen.findByTestId('procedure-editor');
    expect(screen.getByTestId('cat-code-fixed').textContent).toBe('1.001193');

    click('add-field-fields');
    type('cat-fields.1.key', 'gioi tinh');
    type('cat-fields.1.type', 'choice');
    type('cat-fields.1.label.vi', 'Giới tính');
    type('cat-name.vi', '');
    click('save-draft');

    expect(screen.getByTestId('problem-fields.1.key').textContent).toBe('Mã chỉ gồm chữ không dấu, chữ số và dấu _, bắt đầu bằng chữ (ví dụ: hoTenCha).');
    expect(screen.getByTestId('cat-fields.1.key').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('problem-name.vi').textContent).toBe('Hãy viết bằng tiếng Việt (tiếng Anh có thể để trống).');
    expect(screen.getByTestId('problem-fields.1.options').textContent).toBe('Kiểu “chọn một” cần ít nhất một lựa chọn.');
    expect(screen.getByTestId('problem-summary').textContent).toContain('Chưa lưu được: còn 3 chỗ cần sửa.');
    expect(screen.getByTestId('problem-summary').textContent).toContain('Trường 2: Kiểu “chọn một” cần ít nhất một lựa chọn.');
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    // Nothing typed is lost.
    expect(value('cat-fields.1.key')).toBe('gioi tinh');
    expect(value('cat-fields.1.label.vi')).toBe('Giới tính');

    // The problems follow the typing: fixed ones go, new ones come at once.
    type('cat-fields.1.key', 'gioiTinh');
    type('cat-name.vi', 'Đăng ký khai sinh');
    expect(screen.queryByTestId('problem-fields.1.key')).toBeNull();
    expect(screen.queryByTestId('problem-name.vi')).toBeNull();
    click('add-option-fields.1');
    expect(screen.queryByTestId('problem-fields.1.options')).toBeNull();
    type('cat-fields.1.options.0.label.vi', 'Nữ');
    click('add-option-fields.1');
    type('cat-fields.1.options.1.value', '1');
    expect(screen.getByTestId('problem-fields.1.options.1.value').textContent).toBe('Giá trị này đã có ở một lựa chọn khác.');
  });

  it('on an empty new procedure, ask for what is missing rather than call it malformed', async () => {
    const api = fakeApi(list);
    render(<ProcedureEditor code={null} />);
    await screen.findByTestId('procedure-editor');
    click('save-draft');
    expect(screen.getByTestId('problem-code').textContent).toBe('Hãy điền ô này.');
    expect(screen.getByTestId('problem-processingDays').textContent).toBe('Hãy điền ô này.');
    expect(screen.getByTestId('problem-where.vi').textContent).toBe('Hãy viết bằng tiếng Việt (tiếng Anh có thể để trống).');
    // A new procedure is free of charge until a fee is chosen, in both languages.
    expect(screen.queryByTestId('problem-fee.vi')).toBeNull();
    type('cat-processingDays', '0');
    expect(screen.getByTestId('problem-processingDays').textContent).toBe('Số ngày làm việc ít nhất là 1; giải quyết trong ngày thì chọn “Trong ngày”.');
    click('cat-timeKind-sameDay');
    expect(screen.queryByTestId('problem-processingDays')).toBeNull();
    expect(value('cat-processingTime.vi')).toBe('Trong ngày làm việc; hồ sơ nhận sau 15 giờ được trả trong ngày làm việc tiếp theo');
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('a condition must look at a field above it: one moved below is named at the condition', async () => {
    fakeApi({ ...list, 'GET /api/admin/procedures/1.001193': () => published(PROCEDURES.BIRTH, 3) });
    render(<ProcedureEditor code="1.001193" />);
    await screen.findByTestId('procedure-editor');
    click('add-field-fields');
    type('cat-fields.1.key', 'ghiChu');
    type('cat-fields.1.label.vi', 'Ghi chú');
    click('more-fields.1');
    type('cat-fields.1.showIf.field', 'childName');
    type('cat-fields.1.showIf.equals', 'An');
    fireEvent.click(screen.getByRole('button', { name: 'Đưa trường 1 xuống' }));
    click('save-draft');
    expect(screen.getByTestId('problem-fields.0.showIf.field').textContent).toBe('Điều kiện phải dựa vào một trường ở phía trên (không phải một nhóm).');
  });

  it("shows the server's refusals at their controls and keeps everything typed", async () => {
    const api = fakeApi({
      ...list,
      'GET /api/admin/procedures/1.001193': () => published(PROCEDURES.BIRTH, 3),
      'PUT /api/admin/procedures/1.001193/draft': () =>
        json(400, {
          error: 'invalid',
          message: 'Thủ tục chưa hợp lệ.',
          fields: [
            { path: 'fields.0.pattern', code: 'pattern', message: 'Mẫu kiểm tra quá chậm với chuỗi dài.' },
            { path: 'name.vi', code: 'taken', message: 'Đã có thủ tục khác cùng tên.' },
          ],
        }),
    });
    render(<ProcedureEditor code="1.001193" />);
    await screen.findByTestId('procedure-editor');
    click('more-fields.0');
    type('cat-fields.0.pattern', '(a+)+b');
    type('cat-name.vi', 'Khai sinh');
    await act(async () => click('save-draft'));

    await waitFor(() => expect(screen.getByTestId('problem-fields.0.pattern').textContent).toBe('Mẫu kiểm tra quá chậm với chuỗi dài.'));
    expect(screen.getByTestId('problem-name.vi').textContent).toBe('Đã có thủ tục khác cùng tên.');
    expect(screen.getByTestId('problem-summary').textContent).toContain('Máy chủ chưa nhận: Thủ tục chưa hợp lệ.');
    expect(value('cat-fields.0.pattern')).toBe('(a+)+b');
    expect(value('cat-name.vi')).toBe('Khai sinh');
    expect(screen.getByTestId('unsaved')).toBeTruthy();
    const put = api.calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toMatchObject({ code: '1.001193', name: { vi: 'Khai sinh' } });
  });
});

describe('versions of a published procedure', () => {
  it('retires after saying that dossiers already sent are processed normally, and brings it back', async () => {
    const api = fakeApi({
      ...list,
      'GET /api/admin/procedures/1.001193': () => published(PROCEDURES.BIRTH, 3),
      'POST /api/admin/procedures/1.001193/retire': () => published(PROCEDURES.BIRTH, 3, { status: 'retired' }),
      'POST /api/admin/procedures/1.001193/restore': () => published(PROCEDURES.BIRTH, 3),
    });
    render(<ProcedureEditor code="1.001193" />);
    await screen.findByTestId('procedure-editor');
    expect(screen.queryByTestId('discard-draft')).toBeNull();
    click('retire');
    expect(screen.getByTestId('confirm-retire').textContent).toContain('Người dân sẽ không tạo được hồ sơ mới cho thủ tục này. Hồ sơ đã gửi vẫn được xử lý bình thường.');
    await act(async () => click('confirm-yes'));
    await waitFor(() => expect(screen.getByTestId('procedure-state').textContent).toBe('Đã ngừng'));
    await act(async () => click('restore'));
    await waitFor(() => expect(screen.getByTestId('procedure-state').textContent).toBe('Đang áp dụng'));
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname)).toEqual(['/api/admin/procedures/1.001193/retire', '/api/admin/procedures/1.001193/restore']);
  });

  it('discards a draft back to the published version', async () => {
    const pending = catalogList().find((p) => p.code === '2.000884')!;
    fakeApi({
      ...list,
      'GET /api/admin/procedures/2.000884': () => pending,
      'DELETE /api/admin/procedures/2.000884/draft': () => ({ ...pending, draft: undefined }),
    });
    render(<ProcedureEditor code="2.000884" />);
    await screen.findByTestId('procedure-editor');
    expect(value('cat-fee.vi')).toBe('20.000 đồng/bản');
    click('discard-draft');
    expect(screen.getByTestId('confirm-discard').textContent).toContain('quay về phiên bản 2 đang áp dụng');
    await act(async () => click('confirm-yes'));
    await waitFor(() => expect(value('cat-fee.vi')).toBe('Không thu phí'));
    expect(screen.getByTestId('procedure-state').textContent).toBe('Đang áp dụng');
  });
});
