// Notifications are offered, never asked for: the permission prompt comes only from the tap, and
// the subscription then goes to the server with the dossier's device secret and the language.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDossier } from '../db/dossiers.ts';
import { isPushEnabled } from '../db/trust.ts';
import { initI18n } from '../i18n/index.ts';
import { queuedDossier, resetDb, seedReferenceData } from '../test-utils/fixtures.ts';
import { PushOffer } from './PushOffer.tsx';

const VAPID = 'BOr' + 'A'.repeat(84);
const subscription = { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys: { p256dh: 'B'.repeat(87), auth: 'C'.repeat(22) } };

function installPush(permission: NotificationPermission) {
  const requestPermission = vi.fn(async () => 'granted' as NotificationPermission);
  const subscribe = vi.fn(async () => ({ toJSON: () => subscription }));
  vi.stubGlobal('Notification', Object.assign(function Notification() {}, { permission, requestPermission }));
  vi.stubGlobal('PushManager', function PushManager() {});
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { ready: Promise.resolve({ pushManager: { getSubscription: async () => null, subscribe } }) },
  });
  const fetchMock = vi.fn(async (url: string) => (url === '/api/push/key' ? new Response(JSON.stringify({ publicKey: VAPID })) : new Response(null, { status: 204 })));
  vi.stubGlobal('fetch', fetchMock);
  return { requestPermission, subscribe, fetchMock };
}

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
});
afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

describe('PushOffer', () => {
  it('shows a button and asks for nothing until it is tapped; then subscribes and tells the server', async () => {
    const d = await queuedDossier();
    const push = installPush('default');
    render(<PushOffer dossierId={d.id} />);
    const button = await screen.findByRole('button', { name: /Nhận thông báo/ });
    expect(push.requestPermission).not.toHaveBeenCalled();
    expect(push.fetchMock).not.toHaveBeenCalled();

    fireEvent.click(button);
    await screen.findByTestId('push-on');
    expect(push.requestPermission).toHaveBeenCalledTimes(1);
    expect(push.subscribe).toHaveBeenCalledWith(expect.objectContaining({ userVisibleOnly: true }));
    const [url, init] = push.fetchMock.mock.calls.find(([u]) => u !== '/api/push/key') as unknown as [string, RequestInit];
    expect(url).toBe(`/api/dossiers/${d.id}/push`);
    expect((init.headers as Record<string, string>)['x-dossier-secret']).toBe((await getDossier(d.id))!.deviceSecret);
    expect(JSON.parse(init.body as string)).toEqual({ subscription, lang: 'vi' });
    expect(await isPushEnabled(d.id)).toBe(true);
  });

  it('says plainly when notifications are blocked, and offers nothing', async () => {
    const d = await queuedDossier();
    installPush('denied');
    render(<PushOffer dossierId={d.id} />);
    await screen.findByText(/bị chặn/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows nothing where the browser has no push', async () => {
    const d = await queuedDossier();
    const { container } = render(<PushOffer dossierId={d.id} />);
    await waitFor(() => expect(container.innerHTML).toBe(''));
  });
});
