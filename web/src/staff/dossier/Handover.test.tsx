import type { DeskHandover } from '@hsc/shared/handover';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActionPanel } from '../actions/ActionPanel.tsx';
import { deskDossier, fakeApi, NOW, setupStaffTest, user } from '../test/fixtures.ts';
import { HandoverPanel } from './Handover.tsx';

beforeEach(setupStaffTest);
afterEach(() => vi.unstubAllGlobals());

const desk = { id: 'id-officer', name: 'Cán bộ A' };
const specialist = { id: 'sp1', name: 'Chuyên viên B' };
const steps: DeskHandover['steps'] = [
  { seq: 0, from: null, to: desk, receivedAt: '2026-03-10T01:00:00.000Z', dueAt: '2026-03-10T10:00:00.000Z', handedOnAt: '2026-03-10T02:00:00.000Z', timing: 'on_time' },
  { seq: 1, from: desk, to: specialist, receivedAt: '2026-03-10T02:00:00.000Z', dueAt: '2026-03-12T10:00:00.000Z', handedOnAt: null, timing: null, note: 'Xem kỹ' },
];

describe('handing a dossier on', () => {
  it('offers the recipients the server allows, posts the choice and shows the dossier as it stands after', async () => {
    const atDesk = deskDossier({
      handover: { holder: null, mine: false, steps: [steps[0]!], recipients: [{ id: 'sp1', name: 'Chuyên viên B', role: 'officer', specialist: true }] },
    });
    const after = deskDossier({ handover: { holder: specialist, mine: false, steps, recipients: [] } });
    const { calls } = fakeApi({ 'POST /api/staff/dossiers/11111111-1111-4111-8111-111111111111/handover': () => ({ dossier: after }) });
    const onHanded = vi.fn();
    render(<HandoverPanel dossier={atDesk} onHanded={onHanded} />);
    expect(screen.getByTestId('holder').textContent).toContain('Bộ phận một cửa');
    fireEvent.click(screen.getByTestId('handover-open'));
    const to = screen.getByTestId('handover-to') as HTMLSelectElement;
    expect([...to.options].map((o) => o.textContent)).toEqual(['Chọn người nhận', 'Chuyên viên B (chuyên viên)']);
    fireEvent.change(to, { target: { value: 'sp1' } });
    fireEvent.change(screen.getByTestId('handover-note'), { target: { value: 'Xem kỹ' } });
    fireEvent.click(screen.getByTestId('handover-send'));
    await waitFor(() => expect(onHanded).toHaveBeenCalledWith(after, 'Chuyên viên B'));
    expect(calls.at(-1)?.body).toEqual({ to: 'sp1', note: 'Xem kỹ' });
  });

  it('lists the steps with their times and whether each was on time, and links to Mẫu 05', () => {
    render(<HandoverPanel dossier={deskDossier({ handover: { holder: specialist, mine: true, steps, recipients: [] } })} onHanded={() => {}} />);
    expect(screen.getByTestId('holder').dataset.mine).toBe('true');
    expect(screen.queryByTestId('handover-open')).toBeNull();
    const items = within(screen.getByTestId('handover-steps')).getAllByTestId('handover-step');
    expect(items.map((i) => i.dataset.timing)).toEqual(['on_time', 'open']);
    expect(items[0]!.textContent).toContain('Người nộp hồ sơ → Cán bộ A');
    expect(items[0]!.textContent).toContain('Đúng hạn');
    expect(items[1]!.textContent).toContain('Cán bộ A → Chuyên viên B');
    expect(items[1]!.textContent).toContain('Đang giữ');
    expect(items[1]!.textContent).toContain('Xem kỹ');
    expect(screen.getByTestId('print-control-sheet').getAttribute('href')).toBe('/staff/dossiers/11111111-1111-4111-8111-111111111111/mau-05');
  });

  it('someone else holds it: the action buttons are disabled and say who holds it', () => {
    const held = deskDossier({ handover: { holder: specialist, mine: false, steps, recipients: [] } });
    render(<ActionPanel dossier={held} user={user('officer')} procedure={undefined} calendar={null} onDone={() => {}} now={NOW} />);
    expect(screen.getByTestId('held-by').textContent).toBe('Hồ sơ đang do Chuyên viên B giữ: chỉ người giữ hồ sơ mới xử lý được.');
    const accept = screen.getByTestId('action-accept') as HTMLButtonElement;
    expect(accept.disabled).toBe(true);
    expect(accept.title).toContain('Chuyên viên B');
  });

  it('the holder (or the desk, nobody holding it) acts as before', () => {
    const { rerender } = render(<ActionPanel dossier={deskDossier({ handover: { holder: specialist, mine: true, steps, recipients: [] } })} user={user('officer')} procedure={undefined} calendar={null} onDone={() => {}} now={NOW} />);
    expect(screen.queryByTestId('held-by')).toBeNull();
    expect((screen.getByTestId('action-accept') as HTMLButtonElement).disabled).toBe(false);
    rerender(<ActionPanel dossier={deskDossier()} user={user('officer')} procedure={undefined} calendar={null} onDone={() => {}} now={NOW} />);
    expect((screen.getByTestId('action-accept') as HTMLButtonElement).disabled).toBe(false);
  });
});
