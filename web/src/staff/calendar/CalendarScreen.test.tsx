import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, setupStaffTest } from '../test/fixtures.ts';
import { CalendarScreen } from './CalendarScreen.tsx';

beforeEach(setupStaffTest);
afterEach(() => vi.unstubAllGlobals());

/** A server holding the calendar in memory, as the real one holds it in the store. */
function calendarServer() {
  const days = { holidays: new Map<string, string | null>([['2026-09-02', 'Quốc khánh']]), workdays: new Map<string, string | null>([['2026-01-10', 'Làm bù cho thứ Sáu 02/01']]) };
  const list = (m: Map<string, string | null>) => [...m].map(([date, name]) => ({ date, name }));
  const handlers: Parameters<typeof fakeApi>[0] = { 'GET /api/holidays': () => ({ holidays: list(days.holidays), workdays: list(days.workdays) }) };
  for (const kind of ['holidays', 'workdays'] as const) {
    for (const date of ['2026-04-30', '2026-05-01', '2026-05-09', '2026-09-02', '2026-01-10', '2027-02-06']) {
      handlers[`PUT /api/admin/${kind}/${date}`] = (_u, init) => {
        const { name } = JSON.parse(String(init!.body)) as { name: string | null };
        days[kind].set(date, name);
        return { date, name };
      };
      handlers[`DELETE /api/admin/${kind}/${date}`] = () => (days[kind].delete(date) ? new Response(null, { status: 204 }) : json(404, { error: 'not_found', message: 'Không tìm thấy.' }));
    }
  }
  return { days, api: fakeApi(handlers) };
}

const listed = (kind: string) => within(screen.getByTestId(`calendar-${kind}`)).queryAllByRole('listitem').map((li) => li.getAttribute('data-date'));

describe("the administrator's working calendar", () => {
  it("lists the year's days off and make-up days; adds a holiday and a make-up Saturday; removes one", async () => {
    vi.useFakeTimers({ now: new Date('2026-03-10T03:00:00Z'), toFake: ['Date'] });
    const { days } = calendarServer();
    render(<CalendarScreen />);
    await waitFor(() => expect(listed('holidays')).toEqual(['2026-09-02']));
    expect(listed('workdays')).toEqual(['2026-01-10']);
    expect(screen.getByTestId('calendar-workdays').textContent).toContain('10/01/2026 · Làm bù cho thứ Sáu 02/01');

    fireEvent.change(screen.getByTestId('calendar-date'), { target: { value: '2026-04-30' } });
    fireEvent.change(screen.getByTestId('calendar-name'), { target: { value: 'Ngày Giải phóng miền Nam' } });
    fireEvent.click(screen.getByTestId('calendar-add'));
    await screen.findByTestId('calendar-saved');
    await waitFor(() => expect(listed('holidays')).toEqual(['2026-04-30', '2026-09-02']));
    expect(days.holidays.get('2026-04-30')).toBe('Ngày Giải phóng miền Nam');

    // A make-up day must be a weekend day: checked before sending.
    fireEvent.click(screen.getByTestId('calendar-kind-workdays'));
    fireEvent.change(screen.getByTestId('calendar-date'), { target: { value: '2026-05-01' } });
    fireEvent.click(screen.getByTestId('calendar-add'));
    expect(screen.getByTestId('calendar-error').textContent).toBe('Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.');
    expect(days.workdays.has('2026-05-01')).toBe(false);
    fireEvent.change(screen.getByTestId('calendar-date'), { target: { value: '2026-05-09' } });
    fireEvent.click(screen.getByTestId('calendar-add'));
    await waitFor(() => expect(listed('workdays')).toEqual(['2026-01-10', '2026-05-09']));
    expect(days.workdays.get('2026-05-09')).toBeNull();

    fireEvent.click(screen.getByTestId('calendar-remove-2026-01-10'));
    await waitFor(() => expect(listed('workdays')).toEqual(['2026-05-09']));
    expect(days.workdays.has('2026-01-10')).toBe(false);
    vi.useRealTimers();
  });

  it("shows another year's days, and words the server's refusal", async () => {
    const { api } = calendarServer();
    render(<CalendarScreen />);
    fireEvent.change(screen.getByTestId('calendar-date'), { target: { value: '2027-02-06' } });
    api.fetchMock.mockImplementationOnce(async () => json(403, { error: 'csrf', message: 'Phiên làm việc không hợp lệ. Vui lòng tải lại trang.' }));
    fireEvent.click(screen.getByTestId('calendar-add'));
    expect((await screen.findByTestId('calendar-error')).textContent).toBe('Phiên làm việc không hợp lệ. Vui lòng tải lại trang.');
    fireEvent.click(screen.getByTestId('calendar-add'));
    await screen.findByTestId('calendar-saved');
    expect((screen.getByTestId('calendar-year') as HTMLSelectElement).value).toBe('2027');
    await waitFor(() => expect(listed('holidays')).toEqual(['2027-02-06']));
  });
});
