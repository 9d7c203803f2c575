import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AuditLine } from '@hsc/shared/staff-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, setupStaffTest } from '../test/fixtures.ts';
import { AuditScreen } from './AuditScreen.tsx';

beforeEach(setupStaffTest);
afterEach(() => vi.unstubAllGlobals());

const line = (id: number, over: Partial<AuditLine> = {}): AuditLine => ({
  id,
  at: '2026-03-10T02:05:00.000Z',
  actorKind: 'staff',
  staffId: 'id-lan',
  staffName: 'Trần Thị Lan',
  staffUsername: 'lan.tt',
  action: 'login',
  dossierId: null,
  dossierCode: null,
  ip: '10.0.0.7',
  userAgent: null,
  ...over,
});

describe("the administrator's audit log", () => {
  it('shows who, what, which dossier, when in Vietnamese time and from where; filters and pages', async () => {
    const api = fakeApi({
      'GET /api/admin/staff': () => ({ staff: [{ id: 'id-lan', username: 'lan.tt', displayName: 'Trần Thị Lan', role: 'officer', unitCode: '05716', createdAt: '2026-03-01T00:00:00.000Z' }] }),
      'GET /api/admin/audit': (url) =>
        url.searchParams.get('page') === '2'
          ? { items: [line(1, { action: 'logout' })], total: 51, page: 2, pageSize: 50 }
          : { items: [line(3, { action: 'accept', dossierId: 'd1', dossierCode: 'H19.05716-260310-0001' }), line(2)], total: 51, page: 1, pageSize: 50 },
    });
    render(<AuditScreen />);
    const lines = await screen.findAllByTestId('audit-line');
    expect(lines[0]!.textContent).toBe('09:05 10/03/2026 · Trần Thị Lan (lan.tt) · accept · H19.05716-260310-0001 · từ 10.0.0.7');
    expect(lines[1]!.textContent).toContain('Đăng nhập');
    expect(screen.getByTestId('audit-total').textContent).toBe('51 dòng · trang 1/2');

    await screen.findByRole('option', { name: 'Trần Thị Lan (lan.tt)' });
    fireEvent.change(screen.getByTestId('audit-who'), { target: { value: 'id-lan' } });
    fireEvent.change(screen.getByTestId('audit-action'), { target: { value: 'accept' } });
    fireEvent.change(screen.getByTestId('audit-dossier'), { target: { value: ' H19.05716-260310-0001 ' } });
    fireEvent.change(screen.getByTestId('audit-from'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByTestId('audit-to'), { target: { value: '2026-03-10' } });
    fireEvent.click(screen.getByTestId('audit-apply'));
    await waitFor(() => expect(api.calls.filter((c) => c.url.pathname === '/api/admin/audit')).toHaveLength(2));
    expect(Object.fromEntries(api.calls.filter((c) => c.url.pathname === '/api/admin/audit')[1]!.url.searchParams)).toEqual({
      staff: 'id-lan',
      action: 'accept',
      dossier: 'H19.05716-260310-0001',
      from: '2026-03-01',
      to: '2026-03-10',
    });

    fireEvent.click(screen.getByTestId('audit-next'));
    await waitFor(() => expect(screen.getByTestId('audit-total').textContent).toBe('51 dòng · trang 2/2'));
    expect(screen.getByTestId('audit-next')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('audit-line').textContent).toContain('Đăng xuất');
  });

  it('says when nothing matches', async () => {
    fakeApi({ 'GET /api/admin/staff': () => ({ staff: [] }), 'GET /api/admin/audit': () => ({ items: [], total: 0, page: 1, pageSize: 50 }) });
    render(<AuditScreen />);
    expect((await screen.findByTestId('audit-empty')).textContent).toBe('Không có dòng nhật ký nào khớp.');
  });
});
