// Background Sync with the app closed, in Chromium: a dossier sent while the server cannot be
// reached waits in the outbox; every window of the app is closed; the network comes back and the
// browser fires `sync` (dispatched here through DevTools, as Chrome does when it sees a working
// network). The outbox worker sends the dossier with no window open, and the phone holds the
// commune's receipt when the app is opened again with the server gone once more.
import type { Browser, BrowserContext, CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPhoneContext } from '../lib/browser.ts';
import { makePng } from '../lib/png.ts';
import { freePort, startServer, type RunningServer } from '../lib/server.ts';
import { CitizenApp } from './citizen-app.ts';
import { readStore } from './device-db.ts';

const OUTBOX_WORKER_SCOPE = '/sync-worker/';
const OUTBOX_SYNC_TAG = 'hsc-outbox';

/** The outbox worker's registration id, as DevTools knows it. */
async function outboxRegistration(cdp: CDPSession): Promise<string> {
  const found = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('DevTools never listed the outbox worker')), 30_000);
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const reg = registrations.find((r) => r.scopeURL.endsWith(OUTBOX_WORKER_SCOPE) && !r.isDeleted);
      if (reg) {
        clearTimeout(timer);
        resolve(reg.registrationId);
      }
    });
  });
  await cdp.send('ServiceWorker.enable');
  return found;
}

describe('Background Sync in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let port: string;
  let dataDir: string;

  beforeAll(async () => {
    port = String(await freePort());
    server = await startServer({ PORT: port });
    dataDir = server.dataDir;
    browser = await launchChromium();
    context = await newPhoneContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends the outbox from the service worker with every window of the app closed', async () => {
    const page = await context.newPage();
    const app = new CitizenApp(page, server.url);
    await app.open();
    await app.waitUntilOfflineReady();
    await app.byTestId('new-dossier').click();
    await app.byTestId('catalog-all').waitFor();
    // The outbox worker is installed while the app is open and online.
    const active = (scope: string) =>
      page.evaluate(async (s) => (await navigator.serviceWorker.getRegistrations()).some((r) => r.scope.endsWith(s) && r.active !== null), scope);
    await expect.poll(() => active(OUTBOX_WORKER_SCOPE), { timeout: 30_000 }).toBe(true);

    // The server cannot be reached: the dossier goes into the outbox and stays there. (Killed: a
    // SIGTERM would wait for the phone's open requests, its service workers fetching, to end.)
    await server.kill();
    await app.open();
    const idCard = makePng(640, 400, 71);
    const letter = makePng(600, 800, 72);
    await app.startDossier('chung thuc chu ky', '2.000884');
    await app.fillSignatureDossier();
    await app.attach('idCard', 'can-cuoc.png', idCard);
    await app.attach('document', 'giay-uy-quyen.png', letter);
    await app.waitUntilSaved();
    await app.byTestId('send').click();
    await app.byTestId('local-receipt').waitFor();
    // The app's own try fails and the dossier waits for the next.
    await expect.poll(async () => (await readStore(page, 'dossiers'))[0]?.state, { timeout: 30_000 }).toBe('queued');
    const [dossier] = await readStore(page, 'dossiers');
    const { id, deviceSecret } = dossier as { id: string; deviceSecret: string };
    // The tag is registered, and stays so while the app is on screen: the browser fires it at once
    // (it sees a network), and the worker leaves the sending to the app and fails the event.
    const tags = () =>
      page.evaluate(async (scope) => {
        const reg = (await navigator.serviceWorker.getRegistrations()).find((r) => r.scope.endsWith(scope));
        return (await (reg as ServiceWorkerRegistration & { sync: { getTags(): Promise<string[]> } } | undefined)?.sync.getTags()) ?? [];
      }, OUTBOX_WORKER_SCOPE);
    await expect.poll(tags, { timeout: 10_000 }).toContain(OUTBOX_SYNC_TAG);

    // Every window of the app closed; a blank tab only carries DevTools.
    const blank = await context.newPage();
    await page.close();
    server = await startServer({ PORT: port, DATA_DIR: dataDir });
    const cdp = await context.newCDPSession(blank);
    const registrationId = await outboxRegistration(cdp);
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: server.url, registrationId, tag: OUTBOX_SYNC_TAG, lastChance: false });

    // The commune has it, sent by the worker alone.
    const status = () =>
      fetch(`${server.url}/api/dossiers/${id}/status`, { headers: { 'x-dossier-secret': deviceSecret } }).then((r) => r.status);
    await expect.poll(status, { timeout: 60_000, interval: 500 }).toBe(200);

    // And the phone keeps the receipt: opened with the server gone again, the app shows it.
    await server.kill();
    const again = new CitizenApp(await context.newPage(), server.url);
    await again.open(`/dossiers/${id}`);
    await again.byTestId('commune-receipt').waitFor({ timeout: 30_000 });
    expect((await again.byTestId('receipt-code').textContent())?.trim()).toMatch(/^H19\.05716-\d{6}-\d{4}$/);
    const [kept] = await readStore(again.page, 'dossiers');
    expect(kept?.state).toBe('received');
  }, 180_000);
});
