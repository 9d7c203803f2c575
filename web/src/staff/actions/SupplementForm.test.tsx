import { SEED_CATALOG } from '@hsc/shared/catalog';
import { calendar } from '@hsc/shared/workdays';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client.ts';
import { deskDossier, fakeApi, NOW, setupStaffTest, user } from '../test/fixtures.ts';
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
