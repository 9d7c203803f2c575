// A link that is "connected but passes no data", in Chromium against the built app served by the
// real server through the paced 2G link (scripts/lib/slow-link.ts): a dossier with two photos is
// sent while every connection is accepted but silent for `silenceMs`, then the link is healthy
// again. Watched every 250 ms: when the dossier screen first says "Đang chờ mạng" (and the
// header agrees), and how long after the link came back the commune's receipt is on the screen.
// Shared by scripts/e2e/dead-link.test.ts and `pnpm bench:dead-link`.
import { launchChromium, newPhoneContext } from '../lib/browser.ts';
import { makePng } from '../lib/png.ts';
import { startServer } from '../lib/server.ts';
import { startSlowLink, type LinkProfile } from '../lib/slow-link.ts';
import { CitizenApp } from './citizen-app.ts';

export const PROFILE_2G: LinkProfile = { downKbit: 250, upKbit: 50, latencyMs: 300 };

export interface DeadLinkResult {
  /** From the start of the silence to the first "Đang chờ mạng" on the dossier screen, ms. */
  waitingShownAfterMs?: number;
  /** The header said "Đang chờ mạng" (data-waiting) during the silence too. */
  headerAgreed: boolean;
  /** The text of the screen's status box the last time it was seen during the silence. */
  lastStatusInSilence: string;
  /** A percentage was still shown 16 s or more into the silence (the old frozen "0 %"). */
  frozenPercent: boolean;
  /** From the link being healthy again to the commune's receipt on the screen, ms. */
  receiptAfterRecoveryMs: number;
  pageBytes: number;
  /** The pages' bytes over the profile's uplink: the least any send could take, ms. */
  idealMs: number;
}

export async function runDeadLink({ silenceMs = 30_000, profile = PROFILE_2G } = {}): Promise<DeadLinkResult> {
  const server = await startServer();
  // The app and its catalog are loaded over a fast link (not what is measured), then it is 2G.
  const link = await startSlowLink({ host: '127.0.0.1', port: Number(new URL(server.url).port) }, { upKbit: 20_000, downKbit: 20_000, latencyMs: 5 });
  const browser = await launchChromium();
  try {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const app = new CitizenApp(page, `http://127.0.0.1:${link.port}`);
    await app.open();
    await app.waitUntilOfflineReady();
    await app.byTestId('new-dossier').click();
    await app.byTestId('catalog-all').waitFor({ timeout: 60_000 });

    // Two small pages (12 + 27 KB, 6 s of a 50 kbit/s uplink): what is measured is the waiting.
    const photos = [makePng(160, 100, 7), makePng(240, 150, 8)];
    await context.setOffline(true);
    await app.open();
    await app.startDossier('chung thuc chu ky', '2.000884');
    await app.fillSignatureDossier();
    await app.attach('idCard', 'can-cuoc.png', photos[0]!);
    await app.attach('document', 'giay-uy-quyen.png', photos[1]!);
    await app.waitUntilSaved();
    await app.byTestId('send').click();
    await app.byTestId('local-receipt').waitFor();
    link.setProfile(profile);

    // The radio comes up but nothing passes: the app sees "online" and starts sending.
    link.silence(silenceMs);
    const t0 = Date.now();
    const recoveredAt = t0 + silenceMs;
    await context.setOffline(false);

    const result: DeadLinkResult = { headerAgreed: false, lastStatusInSilence: '', frozenPercent: false, receiptAfterRecoveryMs: NaN, pageBytes: 0, idealMs: 0 };
    result.pageBytes = photos.reduce((n, p) => n + p.length, 0);
    result.idealMs = Math.round((result.pageBytes * 8) / profile.upKbit);
    while (Date.now() < recoveredAt - 250) {
      const waiting = await app.byTestId('waiting-network').isVisible();
      if (waiting && result.waitingShownAfterMs === undefined) result.waitingShownAfterMs = Date.now() - t0;
      if (waiting && (await app.byTestId('net-status').getAttribute('data-waiting')) === 'true') result.headerAgreed = true;
      const box = page.locator('[role="status"].progress-box');
      const text = (await box.count()) ? ((await box.first().textContent()) ?? '') : '';
      result.lastStatusInSilence = text.trim();
      if (Date.now() - t0 >= 16_000 && /\d+\s*%/.test(text)) result.frozenPercent = true;
      await page.waitForTimeout(250);
    }
    await app.byTestId('commune-receipt').waitFor({ timeout: 5 * 60_000 });
    result.receiptAfterRecoveryMs = Date.now() - recoveredAt;
    return result;
  } finally {
    await browser.close();
    await link.close();
    await server.stop();
  }
}
