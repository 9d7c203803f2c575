// A link that is connected but passes no data for 30 s, then healthy (scripts/e2e/dead-link.ts):
// the dossier screen says "Đang chờ mạng" with "Thử gửi ngay" during the silence, never a frozen
// percentage, the header agrees, and the commune's receipt is on the screen within 20 s of the
// link's recovery (it was 54-92 s with a 90 s stall watchdog and the 5-minute backoff).
import { describe, expect, it } from 'vitest';
import { runDeadLink } from './dead-link.ts';

describe('a dead link in Chromium', () => {
  it('says "Đang chờ mạng" while nothing passes and gets the receipt within 20 s of recovery', async () => {
    const r = await runDeadLink({ silenceMs: 30_000 });
    console.log(`dead link: "Đang chờ mạng" after ${r.waitingShownAfterMs} ms of silence; receipt ${r.receiptAfterRecoveryMs} ms after recovery (pages ${r.pageBytes} B, ${r.idealMs} ms of uplink)`);
    expect(r.waitingShownAfterMs, 'the screen said "Đang chờ mạng" during the silence').toBeDefined();
    expect(r.waitingShownAfterMs!).toBeLessThanOrEqual(17_000);
    expect(r.lastStatusInSilence).toContain('Đang chờ mạng');
    expect(r.headerAgreed, 'the header said "Đang chờ mạng" too').toBe(true);
    expect(r.frozenPercent, 'no percentage shown after 16 s of silence').toBe(false);
    expect(r.receiptAfterRecoveryMs).toBeLessThanOrEqual(20_000);
  }, 180_000);
});
