import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { matchStaffRoute, staffPaths } from '../routes.ts';
import { fakeApi, listItem, setupStaffTest } from '../test/fixtures.ts';
import { DailyCard, DailyList } from './Daily.tsx';

beforeEach(setupStaffTest);
afterEach(() => vi.unstubAllGlobals());

const DAY = { unitCode: '05716', date: '2026-03-13', nextWorkday: '2026-03-16', receivedToday: 4, dueTomorrow: 2, overdue: 1, waitingCitizen: 3 };

describe("the leader's day", () => {
  it('shows the four figures, the next working day by the calendar, each a link to its list', async () => {
    fakeApi({ 'GET /api/staff/daily': () => DAY });
    render(<DailyCard />);
    await waitFor(() => expect(screen.getByTestId('daily-received_today').textContent).toBe('4 Tiếp nhận hôm nay'));
    expect(screen.getByTestId('daily-due_next').textContent).toBe('2 Đến hạn ngày làm việc tới (16/03/2026)');
    expect(screen.getByTestId('daily-overdue').textContent).toBe('1 Quá hạn');
    expect(screen.getByTestId('daily-waiting').textContent).toBe('3 Chờ công dân bổ sung');
    expect(screen.getByTestId('daily-overdue').getAttribute('href')).toBe('/staff/today/overdue');
    expect(matchStaffRoute('/staff/today/overdue')).toEqual({ name: 'daily', view: 'overdue' });
    expect(matchStaffRoute('/staff/today/anything')).toEqual({ name: 'notFound' });
  });

  it('lists the dossiers of one figure with the same query the count used', async () => {
    const api = fakeApi({ 'GET /api/staff/daily': () => DAY, 'GET /api/staff/dossiers': () => ({ items: [listItem({ badge: { kind: 'overdue' } })] }) });
    render(<DailyList view="overdue" />);
    expect((await screen.findByTestId('daily-item')).getAttribute('href')).toBe(staffPaths.dossier(listItem().id));
    expect(screen.getByTestId('daily-item').textContent).toContain('H19.05716-260310-0001');
    const call = api.calls.find((c) => c.url.pathname === '/api/staff/dossiers')!;
    expect(call.url.searchParams.get('view')).toBe('overdue');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Quá hạn');
  });
});
