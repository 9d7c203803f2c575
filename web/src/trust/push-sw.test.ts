// public/push-sw.js, run against a stand-in service-worker global: a push shows the server's
// words (one notification per dossier), and a tap opens that dossier, in an open window if any.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// jsdom gives modules an http: import.meta.url; the runner's __dirname is the file's folder.
const source = readFileSync(join(__dirname, '../../public/push-sw.js'), 'utf8');
type Listener = (event: Record<string, unknown>) => void;

function worker(windows: { url: string; focus: () => Promise<unknown>; navigate: (u: string) => Promise<unknown> }[] = []) {
  const listeners = new Map<string, Listener>();
  const self = {
    location: { origin: 'https://hosocong.example' },
    addEventListener: (type: string, l: Listener) => listeners.set(type, l),
    registration: { showNotification: vi.fn(async () => undefined) },
    clients: { matchAll: vi.fn(async () => windows), openWindow: vi.fn(async () => undefined) },
  };
  new Function('self', source)(self);
  const dispatch = async (type: string, event: Record<string, unknown>) => {
    let done: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  };
  return { self, dispatch };
}

const message = { title: 'Hồ sơ công', body: 'Hồ sơ H19.05716-260310-0001 đã được tiếp nhận.', url: '/dossiers/abc', dossierId: 'abc', event: 'accepted' };

describe('push-sw.js', () => {
  it('shows the notification the server sent, tagged by dossier', async () => {
    const { self, dispatch } = worker();
    await dispatch('push', { data: { json: () => message, text: () => JSON.stringify(message) } });
    expect(self.registration.showNotification).toHaveBeenCalledWith('Hồ sơ công', expect.objectContaining({ body: message.body, tag: 'dossier-abc', data: { url: '/dossiers/abc' } }));
  });

  it('a tap opens the dossier in a new window when none is open', async () => {
    const { self, dispatch } = worker();
    const close = vi.fn();
    await dispatch('notificationclick', { notification: { close, data: { url: '/dossiers/abc' } } });
    expect(close).toHaveBeenCalled();
    expect(self.clients.openWindow).toHaveBeenCalledWith('https://hosocong.example/dossiers/abc');
  });

  it('a tap brings an open window of the app to the dossier', async () => {
    const win = { url: 'https://hosocong.example/', focus: vi.fn(async () => undefined), navigate: vi.fn(async () => undefined) };
    const { self, dispatch } = worker([win]);
    await dispatch('notificationclick', { notification: { close: () => undefined, data: { url: '/dossiers/abc' } } });
    expect(win.focus).toHaveBeenCalled();
    expect(win.navigate).toHaveBeenCalledWith('https://hosocong.example/dossiers/abc');
    expect(self.clients.openWindow).not.toHaveBeenCalled();
  });
});
