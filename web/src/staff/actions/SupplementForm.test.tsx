import { SEED_CATALOG } from '@hsc/shared/catalog';
import { calendar } from '@hsc/shared/workdays';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client.ts';
import { deskDossier, fakeApi, json, NOW, setupStaffTest, user } from '../test/fixtures.ts';
import { ActionPanel } from './ActionPanel.tsx';

beforeEach(setupStaffTest);
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const PROCEDURE = SEED_CATALOG.find((p) => p.code === '2.000884')!;
const ACTIONS = 'POST /api/staff/dossiers/11111111-1111-4111-8111-111111111111/actions';

function open() {
  const onDone = vi.fn();
  render(<ActionPanel dossier={deskDossier()} user={user('officer')} procedure={PROCEDURE} calendar={calendar([])} onDone={onDone} now={NOW} />);
  fireEvent.click(screen.getByTestId('action-request_supplement'));
  return onDone;
}
const submit = () => fireEvent.click(screen.getByTestId('action-submit'));
const problem = () => screen.queryByTestId('form-problem')?.textContent;

describe('the supplement request (Mẫu 02)', () => {
  it('requires at least one item, and a reason for each', () => {
    const api = fakeApi({ [ACTIONS]: () => ({ dossier: deskDossier() }) });
    open();
    submit();
    expect(problem()).toBe('Hãy chọn ít nhất một giấy tờ hoặc thêm một mục cần bổ sung.');
    fireEvent.click(screen.getByTestId('supp-slot-idCard'));
    submit();
    expect(problem()).toBe('Mỗi mục cần có lý do.');
    fireEvent.change(screen.getByTestId('supp-reason-idCard'), { target: { value: '   ' } });
    submit();
    expect(problem()).toBe('Mỗi mục cần có lý do.');
    fireEvent.click(screen.getByTestId('supp-slot-idCard'));
    fireEvent.click(screen.getByTestId('supp-add-free'));
    fireEvent.change(screen.getByTestId('supp-free-reason-0'), { target: { value: 'Thiếu' } });
    submit();
    expect(problem()).toBe('Hãy ghi tên giấy tờ hoặc nội dung cần bổ sung.');
    expect(api.calls).toHaveLength(0);
  });

  it('sends every picked slot and free item at once, with Vietnamese labels for the printed form', async () => {
    const api = fakeApi({ [ACTIONS]: () => ({ dossier: deskDossier({ status: 'supplement_requested' }) }) });
    setCsrfToken('csrf-1');
    const onDone = open();
    fireEvent.click(screen.getByTestId('supp-slot-idCard'));
    fireEvent.change(screen.getByTestId('supp-reason-idCard'), { target: { value: 'Ảnh mờ, không đọc được số' } });
    fireEvent.click(screen.getByTestId('supp-slot-document'));
    fireEvent.change(screen.getByTestId('supp-reason-document'), { target: { value: 'Thiếu trang 2' } });
    fireEvent.click(screen.getByTestId('supp-add-free'));
    fireEvent.change(screen.getByTestId('supp-free-label-0'), { target: { value: 'Giấy ủy quyền có công chứng' } });
    fireEvent.change(screen.getByTestId('supp-free-reason-0'), { target: { value: 'Người nộp không phải người ký' } });
    fireEvent.click(screen.getByTestId('supp-add-free')); // left empty: ignored
    submit();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]!.body).toMatchObject({
      action: 'request_supplement',
      items: [
        { slot: 'idCard', label: 'Căn cước của người ký', reason: 'Ảnh mờ, không đọc được số' },
        { slot: 'document', label: 'Giấy tờ cần chứng thực chữ ký', reason: 'Thiếu trang 2' },
        { label: 'Giấy ủy quyền có công chứng', reason: 'Người nộp không phải người ký' },
      ],
    });
    expect(api.calls[0]!.headers['x-csrf-token']).toBe('csrf-1');
  });
});

describe('the supplement rule: once, within 3 working days of receipt', () => {
  // Received Tuesday 10/3/2026 08:00 (fixtures): the window ends Friday 13/3.
  const MONDAY = new Date('2026-03-16T02:00:00Z');
  const render2 = (role: 'officer' | 'leader', now: Date, over = {}) => {
    const onDone = vi.fn();
    render(<ActionPanel dossier={deskDossier(over)} user={user(role)} procedure={PROCEDURE} calendar={calendar([])} onDone={onDone} now={now} />);
    fireEvent.click(screen.getByTestId('action-request_supplement'));
    fireEvent.click(screen.getByTestId('supp-slot-idCard'));
    fireEvent.change(screen.getByTestId('supp-reason-idCard'), { target: { value: 'Ảnh mờ' } });
    return onDone;
  };

  it('within the window the officer sees its last day and sends no override', async () => {
    const api = fakeApi({ [ACTIONS]: () => ({ dossier: deskDossier({ status: 'supplement_requested' }) }) });
    const onDone = render2('officer', NOW);
    expect(screen.getByTestId('supp-window').textContent).toBe('Hạn yêu cầu bổ sung: hết ngày 13/03/2026 (3 ngày làm việc kể từ khi tiếp nhận, và chỉ một lần).');
    expect(screen.queryByTestId('supp-restriction')).toBeNull();
    submit();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api.calls[0]!.body).not.toHaveProperty('overrideReason');
  });

  it('after the window the officer is told why and sends nothing', () => {
    const api = fakeApi({});
    render2('officer', MONDAY);
    expect(screen.getByTestId('supp-restriction').textContent).toContain('Đã quá 3 ngày làm việc kể từ ngày tiếp nhận hồ sơ');
    expect(screen.queryByTestId('supp-override')).toBeNull();
    submit();
    expect(problem()).toBe('Yêu cầu này cần lãnh đạo cho phép: hãy đề nghị lãnh đạo gửi, kèm lý do bằng văn bản.');
    expect(api.calls).toHaveLength(0);
  });

  it('a second request: the officer is told it was already made once', () => {
    render2('officer', NOW, {
      supplements: [{ id: 's1', requestedAt: NOW.toISOString(), requestedBy: 'Cán bộ', items: [{ label: 'CCCD', reason: 'Mờ' }], formId: 'f2', answeredAt: NOW.toISOString() }],
    });
    expect(screen.getByTestId('supp-restriction').textContent).toContain('đã được yêu cầu bổ sung một lần');
  });

  it('a leader gives the written reason, which is sent with the request', async () => {
    const api = fakeApi({ [ACTIONS]: () => ({ dossier: deskDossier({ status: 'supplement_requested' }) }) });
    const onDone = render2('leader', MONDAY);
    submit();
    expect(problem()).toBe('Hãy ghi lý do cho phép yêu cầu bổ sung ngoài quy định.');
    fireEvent.change(screen.getByTestId('supp-override'), { target: { value: 'Khi thẩm định mới phát hiện giấy tờ hết hạn' } });
    submit();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api.calls[0]!.body).toMatchObject({ action: 'request_supplement', overrideReason: 'Khi thẩm định mới phát hiện giấy tờ hết hạn' });
  });

  it('the server’s refusal is shown in words when the console had no calendar', async () => {
    fakeApi({ [ACTIONS]: () => json(409, { error: 'supplement_too_late', message: 'Đã quá 3 ngày làm việc kể từ ngày tiếp nhận hồ sơ.' }) });
    const onDone = vi.fn();
    render(<ActionPanel dossier={deskDossier()} user={user('officer')} procedure={PROCEDURE} calendar={null} onDone={onDone} now={MONDAY} />);
    fireEvent.click(screen.getByTestId('action-request_supplement'));
    fireEvent.click(screen.getByTestId('supp-slot-idCard'));
    fireEvent.change(screen.getByTestId('supp-reason-idCard'), { target: { value: 'Ảnh mờ' } });
    submit();
    await waitFor(() => expect(screen.getByTestId('action-error').textContent).toContain('Đã quá 3 ngày làm việc'));
    expect(onDone).not.toHaveBeenCalled();
  });
});
