// The chaos and crash proofs are only as good as their pass condition: each way of losing,
// duplicating or damaging a dossier must be caught. Checked here on made-up server data.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceDossier } from '../chaos/device.ts';
import type { ServerState } from '../chaos/server-state.ts';
import { auditServer, checkDelivery } from '../chaos/verify.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const AT = '2026-11-26T02:00:00.000Z'; // 26/11/2026 in Vietnam: codes read 261126

let dataDir: string;
let device: DeviceDossier[];
let state: ServerState;

/** Two dossiers of one page each, delivered perfectly. */
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'hsc-verify-'));
  device = [];
  state = { dossiers: [], attachments: [], partialUploads: 0 };
  for (const i of [1, 2]) {
    const bytes = Buffer.from(`page ${i}`);
    const page = { id: `p${i}`, slot: 'idCard', size: bytes.length, sha256: sha(bytes) };
    const code = `H19.05716-261126-000${i}`;
    mkdirSync(join(dataDir, 'files', 'p'), { recursive: true });
    writeFileSync(join(dataDir, 'files', 'p', `p${i}`), bytes);
    device.push({ id: `d${i}`, state: 'received', receipt: { code, dossierId: `d${i}` } as DeviceDossier['receipt'], pages: [page] });
    state.dossiers.push({ id: `d${i}`, code, unitCode: '05716', agencyId: 'H19.05716', receivedAt: AT, body: { attachments: [page] }, receipt: { dossierId: `d${i}`, code } });
    state.attachments.push({ id: `p${i}`, dossierId: `d${i}`, sha256: page.sha256, size: page.size, path: `p/p${i}` });
  }
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the pass condition', () => {
  it('passes a perfect delivery', async () => {
    expect(await checkDelivery(device, state, dataDir, 2)).toEqual([]);
  });

  it('catches a lost dossier, and a receipt the server cannot back', async () => {
    state.dossiers.pop();
    const problems = await checkDelivery(device, state, dataDir, 2);
    expect(problems).toContain('server holds 1 dossiers, not 2');
    expect(problems.some((p) => p.includes('which the server does not hold'))).toBe(true);
  });

  it('catches a duplicate: the same dossier twice, or a code given twice', async () => {
    state.dossiers.push({ ...state.dossiers[0]!, code: 'H19.05716-261126-0003' });
    expect(await checkDelivery(device, state, dataDir, 2)).toContain('server holds a dossier id twice');
    state.dossiers.pop();
    state.dossiers[1]!.code = state.dossiers[0]!.code;
    expect((await checkDelivery(device, state, dataDir, 2)).some((p) => p.startsWith('code H19.05716-261126-0001 given twice'))).toBe(true);
  });

  it('catches a gap in the daily sequence and a malformed code', async () => {
    state.dossiers[1]!.code = 'H19.05716-261126-0003';
    device[1]!.receipt!.code = 'H19.05716-261126-0003';
    expect(await checkDelivery(device, state, dataDir, 2)).toContain('sequence H19.05716-261126 is not contiguous from 1: 1,3');
    state.dossiers[1]!.code = 'H19.05716-261125-0002';
    expect((await checkDelivery(device, state, dataDir, 2)).some((p) => p.includes('is not <agency>-<YYMMDD'))).toBe(true);
  });

  it('catches a damaged or missing file even when the rows look right', async () => {
    writeFileSync(join(dataDir, 'files', 'p', 'p1'), 'page X');
    rmSync(join(dataDir, 'files', 'p', 'p2'));
    const problems = await auditServer(state, dataDir);
    expect(problems).toEqual([
      'server dossier H19.05716-261126-0001: file of p1 differs from what was declared',
      'server dossier H19.05716-261126-0002: file of p2 is missing',
    ]);
  });

  it('catches a dossier still waiting on the phone', async () => {
    device[0] = { ...device[0]!, state: 'queued', receipt: undefined };
    expect((await checkDelivery(device, state, dataDir, 2)).some((p) => p.startsWith('device dossier d1 is queued'))).toBe(true);
  });
});
