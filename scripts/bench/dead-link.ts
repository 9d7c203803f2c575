// Dead link: a dossier with two small pages sent from Chromium over emulated 2G while the link is
// connected but passes no data for N seconds (connections accepted, nothing crosses), then
// healthy. Prints when the screen first said "Đang chờ mạng" and how long after recovery the
// commune's receipt was on the screen. `pnpm bench:dead-link [silenceSeconds] [runs]`
import { runDeadLink } from '../e2e/dead-link.ts';

const silenceMs = Number(process.argv[2] ?? 30) * 1000;
const runs = Number(process.argv[3] ?? 3);
const figures: number[] = [];
for (let i = 1; i <= runs; i++) {
  const r = await runDeadLink({ silenceMs });
  figures.push(r.receiptAfterRecoveryMs);
  console.log(
    `run ${i}: silence ${silenceMs / 1000} s; "Đang chờ mạng" after ${(r.waitingShownAfterMs! / 1000).toFixed(1)} s (header ${r.headerAgreed ? 'agreed' : 'did NOT agree'}); ` +
      `receipt ${(r.receiptAfterRecoveryMs / 1000).toFixed(1)} s after recovery (pages ${(r.pageBytes / 1024).toFixed(0)} KB = ${(r.idealMs / 1000).toFixed(1)} s of uplink)`,
  );
}
console.log(`receipt after recovery: min ${(Math.min(...figures) / 1000).toFixed(1)} s, max ${(Math.max(...figures) / 1000).toFixed(1)} s (target ≤ 20 s)`);
