import type { DossierStatus } from '@hsc/shared/schemas';
import { SEED_CATALOG } from '@hsc/shared/catalog';
import { calendar } from '@hsc/shared/workdays';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deskDossier, fakeApi, json, NOW, setupStaffTest, user } from '../test/fixtures.ts';
import { ActionPanel } from './ActionPanel.tsx';

beforeEach(setupStaffTest);
afterEach(() => vi.unstubAllGlobals());

const PROCEDURE = SEED_CATALOG.find((p) => p.code === '2.000884')!;
const offered = () => screen.queryAllByTestId(/^action-[a-z_]+$/).map((b) => b.dataset.testid!.slice('action-'.length));

function panel(role: 'officer' | 'leader' | 'province', status: DossierStatus, over: Parameters<typeof deskDossier>[0] = {}) {
  const onDone = vi.fn();
  render(<ActionPanel dossier={deskDossier({ status, ...over })} user={user(role)} procedure={PROCEDURE} calendar={calendar([])} onDone={onDone} now={NOW} />);
  return onDone;
}

describe('the action panel offers what the state machine allows for the role and status', () => {
  it.each([
    ['officer', 'registered', ['accept', 'request_supplement', 'refuse']],
    ['officer', 'accepted', ['request_supplement', 'refuse', 'start_processing']],
    ['officer', 'processing', ['request_supplement', 'request_payment', 'finish']],
    ['leader', 'processing', ['request_supplement', 'request_payment', 'finish', 'reschedule', 'stop']],
    ['officer', 'financial_requested', ['payment_received']],
    ['officer', 'supplement_requested', []],
    ['officer', 'processed', ['return_result']],
    ['leader', 'returned', []],
  ] as const)('%s, %s: %j', (role, status, expected) => {
    panel(role, status);
    expect(offered()).toEqual(expected);
  });

  it('says why the leader-only actions are not offered to an officer', () => {
    panel('officer', 'processing');
    expect(screen.getByTestId('unavailable-reschedule').textContent).toContain('Chỉ lãnh đạo đơn vị được làm việc này.');
    expect(screen.getByTestId('unavailable-accept').textContent).toContain('Không làm được khi hồ sơ đang ở trạng thái “Đang giải quyết”.');
  });

  it('offers a reschedule only once, and not on the day before the due date or later', () => {
    panel('leader', 'processing', { rescheduled: true });
    expect(offered()).not.toContain('reschedule');
    expect(screen.getByTestId('unavailable-reschedule').textContent).toContain('đã được hẹn lại một lần');
  });

  it('does not offer a reschedule when the due date is today', () => {
    panel('leader', 'processing', { dueAt: '2026-03-10T10:00:00.000Z' });
    expect(offered()).not.toContain('reschedule');
    expect(screen.getByTestId('unavailable-reschedule').textContent).toContain('chậm nhất 1 ngày trước ngày hẹn trả');
  });

  it('is read-only for the province viewer', () => {
    panel('province', 'registered');
    expect(offered()).toEqual([]);
    expect(screen.getByTestId('read-only')).toBeTruthy();
  });

  it('asks before refusing, sends the reasons with an action id, and words the server’s refusal', async () => {
    const api = fakeApi({
      'POST /api/staff/dossiers/11111111-1111-4111-8111-111111111111/actions': () =>
        json(409, { error: 'invalid_transition', message: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.' }),
    });
    panel('officer', 'registered');
    fireEvent.click(screen.getByTestId('action-refuse'));
    fireEvent.click(screen.getByTestId('action-submit'));
    expect(screen.getByTestId('form-problem').textContent).toBe('Hãy nêu ít nhất một lý do.');
    fireEvent.change(screen.getByTestId('refuse-reason-0'), { target: { value: 'Không thuộc thẩm quyền của xã' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    expect(api.calls).toHaveLength(0);
    fireEvent.click(screen.getByTestId('confirm-yes'));
    await waitFor(() => expect(screen.getByTestId('action-error').textContent).toBe('Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.'));
    const sent = api.calls[0]!;
    expect(sent.body).toMatchObject({ action: 'refuse', reasons: ['Không thuộc thẩm quyền của xã'] });
    expect((sent.body as { actionId: string }).actionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts with a corrected due date at 17:00 Vietnamese time', async () => {
    const api = fakeApi({
      'POST /api/staff/dossiers/11111111-1111-4111-8111-111111111111/actions': () => ({ dossier: deskDossier({ status: 'accepted' }) }),
    });
    const onDone = panel('officer', 'registered');
    fireEvent.click(screen.getByTestId('action-accept'));
    fireEvent.change(screen.getByTestId('accept-due'), { target: { value: '2026-03-14' } }); // a Saturday
    fireEvent.click(screen.getByTestId('action-submit'));
    expect(screen.getByTestId('form-problem').textContent).toBe('Ngày hẹn phải là ngày làm việc.');
    fireEvent.change(screen.getByTestId('accept-due'), { target: { value: '2026-03-16' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api.calls[0]!.body).toMatchObject({ action: 'accept', dueAt: '2026-03-16T10:00:00.000Z' });
    expect(onDone.mock.calls[0]![1]).toBe('accept');
  });
});
