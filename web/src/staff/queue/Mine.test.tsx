import { fireEvent, render, screen, waitFor } from '@testing-library/react';
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

function renderQueue(role: 'officer' | 'province') {
  let filter: QueueFilter = INITIAL_FILTER;
  const view = render(<Queue user={user(role)} filter={filter} onFilter={(f) => rerender(f)} />);
  function rerender(f: QueueFilter) {
    filter = f;
    view.rerender(<Queue user={user(role)} filter={filter} onFilter={(next) => rerender(next)} />);
  }
  return view;
}

describe('who holds each dossier', () => {
  it('each line says who holds it (the desk when nobody was handed it); "Của tôi" asks for the holder’s own, every status', async () => {
    const held = listItem({ id: 'held', holder: { id: 'id-officer', name: 'Demo officer' } });
    const other = listItem({ id: 'other', holder: { id: 'sp1', name: 'Chuyên viên B' } });
    const atDesk = listItem({ id: 'desk', holder: null });
    const api = fakeApi({
      'GET /api/holidays': () => ({ holidays: [] }),
      'GET /api/staff/dossiers': (url) => ({ items: url.searchParams.get('holder') === 'me' ? [held] : [held, other, atDesk] }),
    });
    renderQueue('officer');
    await waitFor(() => expect(screen.getAllByTestId('queue-holder')).toHaveLength(3));
    const holders = screen.getAllByTestId('queue-holder');
    expect(holders.map((h) => h.textContent)).toEqual(['Đang giữ: Demo officer', 'Đang giữ: Chuyên viên B', 'Đang giữ: Bộ phận một cửa']);
    expect(holders.map((h) => h.dataset.mine)).toEqual(['true', undefined, undefined]);
    // The tab comes first, before the statuses.
    expect(screen.getAllByRole('tab')[0]!.dataset.testid).toBe('tab-mine');
    fireEvent.click(screen.getByTestId('tab-mine'));
    await waitFor(() => expect(screen.getAllByTestId('queue-item').map((i) => i.dataset.id)).toEqual(['held']));
    const last = api.calls.filter((c) => c.url.pathname === '/api/staff/dossiers').at(-1)!;
    expect(last.url.searchParams.get('holder')).toBe('me');
    expect(last.url.searchParams.get('status')).toBeNull();
  });

  it('a province viewer holds nothing: no "Của tôi" tab', async () => {
    fakeApi({ 'GET /api/holidays': () => ({ holidays: [] }), 'GET /api/staff/dossiers': () => ({ items: [] }) });
    renderQueue('province');
    await screen.findByTestId('queue-empty');
    expect(screen.queryByTestId('tab-mine')).toBeNull();
  });
});
