// Figures of a run as lines of text, for the benchmark CLIs and BENCHMARKS.md.
import type { ChaosResult } from './chaos.ts';
import type { CrashResult } from './crash.ts';

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
export const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

export function chaosLines(r: ChaosResult): string[] {
  const s = r.wallMs / 1000;
  const faulted = r.faults.reset + r.faults['cut-request'] + r.faults['cut-response'] + r.faults.delay;
  const connections = faulted + r.faults.none;
  return [
    `dossiers ${r.dossiers}, attachments ${r.attachments}, payload ${mb(r.bytes)}`,
    `connections ${connections}, faulted ${faulted} (${((faulted / Math.max(1, connections)) * 100).toFixed(1)} %): ` +
      `reset ${r.faults.reset}, cut mid-request ${r.faults['cut-request']}, cut mid-response ${r.faults['cut-response']}, delayed ${r.faults.delay}`,
    `device requests ${r.requests} (${Object.entries(r.byMethod).map(([m, c]) => `${m} ${c}`).join(', ')}), failed ${r.failedRequests}`,
    `answers: ${Object.entries(r.statuses).sort().map(([k, c]) => `${k} ×${c}`).join(', ')}`,
    `PUT answered 200 (a resend of a dossier the server had already committed while the phone heard nothing): ${r.statuses['PUT 200'] ?? 0}`,
    `passes ${r.passes}, dossier retries ${r.retries}, set aside ${r.attention.length}`,
    `wire up ${mb(r.wire.up)} (${(r.wire.up / r.bytes).toFixed(2)} × payload), down ${mb(r.wire.down)}`,
    `wall ${s.toFixed(1)} s, throughput ${(r.dossiers / s).toFixed(2)} dossiers/s, ${kb(r.bytes / s)}/s of payload`,
    `server: ${r.serverDossiers} dossiers, ${r.partialUploads} partial uploads left over`,
    r.problems.length ? `FAIL (${r.problems.length}):\n  ${r.problems.slice(0, 20).join('\n  ')}` : 'PASS: exactly N dossiers, every page byte-identical, codes unique and contiguous, N matching receipts',
  ];
}

export function crashLines(r: CrashResult): string[] {
  const s = r.wallMs / 1000;
  const restarts = r.kills.map((k) => k.restartMs);
  return [
    `store ${r.store}; dossiers ${r.dossiers}, attachments ${r.attachments}, payload ${mb(r.bytes)}`,
    `SIGKILLs ${r.kills.length}: ${r.kills.map((k) => `${k.during} +${k.afterMs} ms (${k.outcome}) → ${k.serverDossiers} dossiers on the server, ${k.deviceReceipts} receipts on the phone, ${k.partialUploads} partial uploads`).join('; ')}`,
    `restart (start + health) ${restarts.length ? `${Math.min(...restarts).toFixed(0)}-${Math.max(...restarts).toFixed(0)} ms` : 'n/a'}`,
    `device requests ${r.requests} (${Object.entries(r.byMethod).map(([m, c]) => `${m} ${c}`).join(', ')}), failed ${r.failedRequests}`,
    `passes ${r.passes}, dossier retries ${r.retries}, set aside ${r.attention.length}`,
    `wall ${s.toFixed(1)} s, throughput ${(r.dossiers / s).toFixed(2)} dossiers/s, ${kb(r.bytes / s)}/s of payload`,
    `server: ${r.serverDossiers} dossiers, ${r.partialUploads} partial uploads left over`,
    r.problems.length
      ? `FAIL (${r.problems.length}):\n  ${r.problems.slice(0, 20).join('\n  ')}`
      : 'PASS: after every kill no dossier lacked a file and every receipt on the phone was held by the server; at the end exactly N dossiers, byte-identical, codes contiguous, N matching receipts',
  ];
}
