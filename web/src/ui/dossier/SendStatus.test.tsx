// A send that stops moving says "Đang chờ mạng" in plain words with "Thử gửi ngay", never a
// frozen percentage; the header's network line says the same.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DossierRecord } from '../../db/types.ts';
import { initI18n } from '../../i18n/index.ts';
import { linkStore, progressStore, SILENT_MS } from '../../sync/progress.ts';
import { NetStatus } from '../components/NetStatus.tsx';
import { SendStatus } from './SendStatus.tsx';

const dossier = { id: 'd-1', state: 'sending', attempts: 0 } as unknown as DossierRecord;
const uploading = (sentBytes: number) => ({ phase: 'uploading' as const, file: 1, files: 2, filePercent: 0, sentBytes, totalBytes: 40_000 });

beforeAll(() => initI18n('vi'));
beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => {
  act(() => progressStore.set('d-1', undefined));
  linkStore.markAlive();
  vi.useRealTimers();
});

describe('the send status on a silent link', () => {
  it('shows the percentage while bytes move, and "Đang chờ mạng" after 15 s without one', () => {
    render(
      <>
        <NetStatus />
        <SendStatus dossier={dossier} />
      </>,
    );
    act(() => progressStore.set('d-1', uploading(0)));
    expect(screen.getByTestId('send-progress').textContent).toContain('0%');
    expect(screen.getByTestId('net-status').textContent).toBe('Có mạng');

    act(() => vi.advanceTimersByTime(SILENT_MS - 1_000));
    expect(screen.queryByTestId('waiting-network')).toBeNull();
    act(() => vi.advanceTimersByTime(1_000));
    const box = screen.getByTestId('waiting-network');
    expect(box.textContent).toContain('Đang chờ mạng');
    expect(box.textContent).not.toMatch(/\d+\s*%/);
    expect(screen.getByTestId('send-now').textContent).toBe('Thử gửi ngay');
    expect(screen.getByTestId('net-status').textContent).toBe('Đang chờ mạng');
    expect(screen.getByTestId('net-status').dataset.waiting).toBe('true');
    // "Thử gửi ngay" gives the stuck try up at once (the upload listens for the nudge).
    const nudged = vi.fn();
    const off = linkStore.onNudge(nudged);
    fireEvent.click(screen.getByTestId('send-now'));
    expect(nudged).toHaveBeenCalledTimes(1);
    off();

    // A byte moved: the percentage is back, and so is "Có mạng".
    act(() => progressStore.set('d-1', uploading(1_000)));
    expect(screen.queryByTestId('waiting-network')).toBeNull();
    expect(screen.getByTestId('net-status').textContent).toBe('Có mạng');
  });

  it('says "Đang chờ mạng" between tries after one that got no answer while online', () => {
    const failed = { ...dossier, state: 'queued', lastError: { code: 'network', message: 'upload stalled' }, nextAttemptAt: Date.now() + 5_000 } as DossierRecord;
    render(
      <>
        <NetStatus />
        <SendStatus dossier={failed} />
      </>,
    );
    act(() => linkStore.markSilent());
    expect(screen.getByTestId('waiting-network').textContent).toContain('Đang chờ mạng');
    expect(screen.getByTestId('net-status').textContent).toBe('Đang chờ mạng');
    act(() => linkStore.markAlive());
    expect(screen.getByTestId('net-status').textContent).toBe('Có mạng');
  });
});
