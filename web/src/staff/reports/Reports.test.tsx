import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { fakeApi, REPORT, setupStaffTest, user } from '../test/fixtures.ts';
import { Reports } from './Reports.tsx';

beforeEach(async () => {
  await setupStaffTest();
  await resetDb();
  await seedReferenceData();
});
afterEach(() => vi.unstubAllGlobals());

const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);

describe('the figures', () => {
  it('tabulates received by channel, online share and on-time rate per month, unit and procedure, with a bar per month', async () => {
    const api = fakeApi({ 'GET /api/holidays': () => ({ holidays: [] }), 'GET /api/staff/reports': () => REPORT });
    render(<Reports user={user('province')} now={new Date('2026-02-20T03:00:00Z')} />);
    const months = await screen.findByTestId('report-months');
    expect(within(months).getAllByTestId('report-row').map(cells)).toEqual([
      ['01/2026', '3', '2', '1', '66,7%', '2', '1', '50%'],
      ['02/2026', '5', '2', '3', '40%', '1', '1', '100%'],
    ]);
    expect(cells(within(months).getByTestId('report-total'))).toEqual(['Cộng', '8', '4', '4', '50%', '3', '2', '66,7%']);

    // Units and procedures are summed from the rows, their rates recomputed from the sums.
    await waitFor(() => expect(within(screen.getByTestId('report-units')).getAllByTestId('report-row').map(cells)).toEqual([
      ['Phường Bá Xuyên', '4', '1', '3', '25%', '0', '0', '—'],
      ['Xã Võ Nhai', '4', '3', '1', '75%', '3', '2', '66,7%'],
    ]));
    expect(within(screen.getByTestId('report-procedures')).getAllByTestId('report-row').map((r) => cells(r).slice(0, 2))).toEqual([
      ['Đăng ký khai sinh', '4'],
      ['Chứng thực chữ ký', '4'],
    ]);
    const bars = screen.getAllByTestId('chart-bar');
    expect(bars.map((b) => b.dataset.month)).toEqual(['2026-01', '2026-02']);
    expect(bars[1]!.querySelector('title')!.textContent).toBe('Tháng 02/2026: 2 trực tuyến, 3 tại quầy');

    // The last six months by default; the province viewer may narrow to one unit.
    const first = api.calls.find((c) => c.url.pathname === '/api/staff/reports')!.url.searchParams;
    expect([first.get('from'), first.get('to'), first.get('unit')]).toEqual(['2025-09', '2026-02', null]);
    fireEvent.change(screen.getByTestId('report-unit'), { target: { value: '05716' } });
    fireEvent.click(screen.getByTestId('report-show'));
    await waitFor(() => expect(api.calls.at(-1)!.url.searchParams.get('unit')).toBe('05716'));
  });

  it('refuses a reversed range before asking the server', async () => {
    const api = fakeApi({ 'GET /api/holidays': () => ({ holidays: [] }), 'GET /api/staff/reports': () => REPORT });
    render(<Reports user={user('leader')} now={new Date('2026-02-20T03:00:00Z')} />);
    await screen.findByTestId('report-months');
    expect(screen.queryByTestId('report-unit')).toBeNull();
    const before = api.calls.length;
    fireEvent.change(screen.getByTestId('report-from'), { target: { value: '2026-03' } });
    fireEvent.click(screen.getByTestId('report-show'));
    expect(screen.getByText('Tháng bắt đầu phải trước tháng kết thúc, tối đa 36 tháng.')).toBeTruthy();
    expect(api.calls.length).toBe(before);
  });
});
