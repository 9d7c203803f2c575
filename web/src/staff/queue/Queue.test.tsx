import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { fakeApi, listItem, NOW, setupStaffTest, user } from '../test/fixtures.ts';
import { Queue } from './Queue.tsx';
import { INITIAL_FILTER, type QueueFilter } from './tabs.ts';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await setupStaffTest();
  await resetDb();
  await seedReferenceData();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The queue with its filter held like the console holds it. */
function renderQueue(role: 'officer' | 'province' = 'officer', start: QueueFilter = INITIAL_FILTER) {
  let filter = start;
  const view = render(<Queue user={user(role)} filter={filter} onFilter={(f) => rerender(f)} />);
  function rerender(f: QueueFilter) {
    filter = f;
    view.rerender(<Queue user={user(role)} filter={filter} onFilter={(next) => rerender(next)} />);
  }
  return view;
}

const LATE = listItem({ id: 'late', code: 'H19.05716-260305-0001', applicantName: 'Lường Văn Mến', dueAt: '2026-03-09T10:00:00.000Z' });
const TODAY = listItem({ id: 'today', code: 'H19.05716-260309-0002', applicantName: 'Hoàng Văn Đức', dueAt: '2026-03-10T10:00:00.000Z' });
// Friday 13 March 17:00: Wednesday, Thursday, Friday are left.
const LATER = listItem({ id: 'later', code: 'H19.05716-260310-0003', applicantName: 'Hoàng Thị Lan', dueAt: '2026-03-13T10:00:00.000Z' });
const WAITING = listItem({ id: 'waiting', status: 'supplement_requested', dueAt: '2026-03-02T10:00:00.000Z' });

describe('the queue', () => {
  it('lists the tab’s dossiers with the deadline badges counted in working days', async () => {
    const api = fakeApi({
      'GET /api/holidays': () => ({ holidays: [] }),
      'GET /api/staff/dossiers': () => ({ items: [LATE, TODAY, LATER] }),
    });
    renderQueue();
    const items = await screen.findAllByTestId('queue-item');
    expect(items.map((i) => i.dataset.id)).toEqual(['late', 'today', 'later']);
    await waitFor(() =>
      expect(items.map((i) => within(i).getByTestId('deadline-badge').textContent)).toEqual(['Quá hạn', 'Đến hạn', 'Còn 3 ngày']),
    );
    expect(within(items[0]!).getByText('Lường Văn Mến')).toBeTruthy();
    expect(within(items[2]!).getByText(/Chứng thực chữ ký/)).toBeTruthy();
    expect(items[0]!.getAttribute('href')).toBe('/staff/dossiers/late');
    const list = api.calls.find((c) => c.url.pathname === '/api/staff/dossiers')!;
    expect(list.url.searchParams.get('status')).toBe('registered');
  });

  it('counts the badge over holidays and shows none while the clock is stopped', async () => {
    fakeApi({
      // Wednesday and Thursday off: only Friday is left.
      'GET /api/holidays': () => ({ holidays: [{ date: '2026-03-11', name: null }, { date: '2026-03-12', name: null }] }),
      'GET /api/staff/dossiers': () => ({ items: [LATER, WAITING] }),
    });
    renderQueue('officer', { ...INITIAL_FILTER, tab: 'all' });
    await waitFor(() => expect(screen.getAllByTestId('deadline-badge').map((b) => b.textContent)).toEqual(['Còn 1 ngày']));
    const waiting = screen.getAllByTestId('queue-item')[1]!;
    expect(within(waiting).queryByTestId('deadline-badge')).toBeNull();
    expect(within(waiting).getByTestId('status-chip').textContent).toBe('Cần bổ sung giấy tờ');
  });

  it('searches by what was typed and by tab', async () => {
    const api = fakeApi({
      'GET /api/holidays': () => ({ holidays: [] }),
      'GET /api/staff/dossiers': (url) => ({ items: url.searchParams.get('q') === 'hoang van duc' ? [TODAY] : [LATE, TODAY, LATER] }),
    });
    renderQueue();
    expect(await screen.findAllByTestId('queue-item')).toHaveLength(3);
    fireEvent.change(screen.getByTestId('queue-search'), { target: { value: ' hoang van duc ' } });
    fireEvent.click(screen.getByTestId('queue-search-go'));
    await waitFor(() => expect(screen.getAllByTestId('queue-item').map((i) => i.dataset.id)).toEqual(['today']));

    // A status's tab says that status's one word (staff.json nests common's `status.*`).
    expect(screen.getByTestId('tab-processing').textContent).toContain('Đang giải quyết');
    fireEvent.click(screen.getByTestId('tab-processing'));
    await waitFor(() => {
      const last = api.calls.at(-1)!.url.searchParams;
      expect(last.get('status')).toBe('processing,financial_requested');
      expect(last.get('q')).toBe('hoang van duc');
    });
  });

  it('says so when nothing matches', async () => {
    fakeApi({ 'GET /api/holidays': () => ({ holidays: [] }), 'GET /api/staff/dossiers': () => ({ items: [] }) });
    renderQueue('officer', { ...INITIAL_FILTER, q: '0999' });
    expect((await screen.findByTestId('queue-empty')).textContent).toBe('Không tìm thấy hồ sơ nào khớp “0999”.');
  });

  it('lets the province viewer pick a unit, and shows each dossier’s unit', async () => {
    const api = fakeApi({
      'GET /api/holidays': () => ({ holidays: [] }),
      'GET /api/staff/dossiers': () => ({ items: [listItem({ unitCode: '05533' })] }),
    });
    renderQueue('province');
    const item = await screen.findByTestId('queue-item');
    await waitFor(() => expect(item.textContent).toContain('Phường Bá Xuyên'));
    const unit = screen.getByTestId('queue-unit') as HTMLSelectElement;
    await waitFor(() => expect(unit.options.length).toBeGreaterThan(1));
    fireEvent.change(unit, { target: { value: '05533' } });
    await waitFor(() => expect(api.calls.at(-1)!.url.searchParams.get('unit')).toBe('05533'));
  });

  it('offers the next page when the server has one', async () => {
    const api = fakeApi({
      'GET /api/holidays': () => ({ holidays: [] }),
      'GET /api/staff/dossiers': (url) => (url.searchParams.get('cursor') ? { items: [LATER] } : { items: [LATE], nextCursor: 'c1' }),
    });
    renderQueue();
    fireEvent.click(await screen.findByTestId('queue-more'));
    await waitFor(() => expect(screen.getAllByTestId('queue-item').map((i) => i.dataset.id)).toEqual(['late', 'later']));
    expect(api.calls.at(-1)!.url.searchParams.get('cursor')).toBe('c1');
    expect(screen.queryByTestId('queue-more')).toBeNull();
  });

  it('stays live: what arrives appears in place, quietly marked, and other tabs say how many they gained', async () => {
    const counts = (registered: number, supplement: number) => ({
      registered, accepted: 0, refused: 0, processing: 0, supplement_requested: supplement, financial_requested: 0, withdrawn: 0, stopped: 0, processed: 0, returned: 0,
    });
    let state = { version: 'v1', counts: counts(1, 0), items: [LATE] };
    const api = fakeApi({
      'GET /api/holidays': () => ({ holidays: [] }),
      'GET /api/staff/dossiers': () => ({ items: state.items }),
      'GET /api/staff/queue': (_u, init) =>
        (init?.headers as Record<string, string>)['if-none-match'] === `"${state.version}"`
          ? new Response(null, { status: 304 })
          : new Response(JSON.stringify({ version: state.version, counts: state.counts }), { status: 200, headers: { etag: `"${state.version}"` } }),
    });
    renderQueue();
    await waitFor(() => expect(screen.getAllByTestId('queue-item').map((i) => i.dataset.id)).toEqual(['late']));
    await waitFor(() => expect(api.calls.filter((c) => c.url.pathname === '/api/staff/queue')).toHaveLength(1));

    // Nothing changed: a 304, and the list is not read again.
    const reads = () => api.calls.filter((c) => c.url.pathname === '/api/staff/dossiers').length;
    const before = reads();
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(api.calls.filter((c) => c.url.pathname === '/api/staff/queue')).toHaveLength(2));
    expect(api.calls.at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect(reads()).toBe(before);

    // A dossier arrives in this tab and another waits on the citizen.
    state = { version: 'v2', counts: counts(2, 1), items: [LATE, TODAY] };
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(screen.getAllByTestId('queue-item').map((i) => i.dataset.id)).toEqual(['late', 'today']));
    // The mark follows the list by one render (it compares with what was shown before).
    await waitFor(() => expect(screen.getAllByTestId('queue-item')[1]!.dataset.new).toBe('true'));
    const [late, today] = screen.getAllByTestId('queue-item');
    expect(today!.textContent).toContain('Mới');
    expect(late!.dataset.new).toBeUndefined();
    expect(screen.getByTestId('tab-new-supplement').textContent).toBe('+1 mới');
    expect(screen.queryByTestId('tab-new-registered')).toBeNull();

    // Opening that tab is seeing it: its mark goes.
    fireEvent.click(screen.getByTestId('tab-supplement'));
    await waitFor(() => expect(screen.queryByTestId('tab-new-supplement')).toBeNull());
  });
});
