// The pass condition of the Networks proofs, checked from the server's own data against the
// device's own data. Each check returns the problems it found in plain words (empty = pass),
// so a failing run says what went wrong instead of only that something did.
import { formatDossierCode, parseDossierCode } from '@hsc/shared';
import type { DeviceDossier } from './device.ts';
import { storedFile, type ServerState } from './server-state.ts';

/**
 * "Never shows received while a file is missing": every dossier the server holds has every
 * declared attachment stored for it, byte-exact. Holds at any moment, mid-crash included.
 */
export async function auditServer(state: ServerState, dataDir: string): Promise<string[]> {
  const problems: string[] = [];
  const rows = new Map(state.attachments.map((a) => [a.id, a]));
  for (const d of state.dossiers) {
    for (const ref of d.body.attachments) {
      const row = rows.get(ref.id);
      if (!row || row.dossierId !== d.id) {
        problems.push(`server dossier ${d.code}: attachment ${ref.id} has no row for it`);
        continue;
      }
      const file = await storedFile(state, dataDir, row.path);
      if (!file) problems.push(`server dossier ${d.code}: file of ${ref.id} is missing`);
      else if (file.size !== ref.size || file.sha256 !== ref.sha256) problems.push(`server dossier ${d.code}: file of ${ref.id} differs from what was declared`);
    }
  }
  return problems;
}

/** Every receipt on the phone stands for a dossier the server holds under that id and code. */
export function checkReceipts(device: DeviceDossier[], state: ServerState): string[] {
  const byId = new Map(state.dossiers.map((d) => [d.id, d]));
  const problems: string[] = [];
  for (const d of device) {
    if (!d.receipt) continue;
    const s = byId.get(d.id);
    if (!s) problems.push(`device holds receipt ${d.receipt.code} for ${d.id}, which the server does not hold`);
    else if (s.code !== d.receipt.code || d.receipt.dossierId !== d.id) problems.push(`device receipt ${d.receipt.code} ≠ server code ${s.code}`);
  }
  return problems;
}

/** Codes are unique, well formed, and each agency's daily sequence runs 1, 2, 3 … with no gap. */
export function checkCodes(state: ServerState): string[] {
  const problems: string[] = [];
  const sequences = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const d of state.dossiers) {
    if (seen.has(d.code)) problems.push(`code ${d.code} given twice`);
    seen.add(d.code);
    const parsed = parseDossierCode(d.code);
    if (!parsed || parsed.agencyId !== d.agencyId || formatDossierCode(d.agencyId, new Date(d.receivedAt), parsed.sequence) !== d.code) {
      problems.push(`code ${d.code} is not <agency>-<YYMMDD of receipt>-<NNNN> for ${d.agencyId}`);
      continue;
    }
    const key = `${parsed.agencyId}-${parsed.yymmdd}`;
    sequences.set(key, [...(sequences.get(key) ?? []), parsed.sequence]);
  }
  for (const [key, seqs] of sequences) {
    const sorted = seqs.sort((a, b) => a - b);
    if (sorted.some((s, i) => s !== i + 1)) problems.push(`sequence ${key} is not contiguous from 1: ${sorted.join(',')}`);
  }
  return problems;
}

/**
 * The whole pass condition after a run: exactly the N dossiers of the device, no duplicate,
 * every page byte-identical, N receipts on the device matching the server's codes.
 */
export async function checkDelivery(device: DeviceDossier[], state: ServerState, dataDir: string, n: number): Promise<string[]> {
  const problems: string[] = [];
  if (device.length !== n) problems.push(`device holds ${device.length} dossiers, not ${n}`);
  if (state.dossiers.length !== n) problems.push(`server holds ${state.dossiers.length} dossiers, not ${n}`);
  if (new Set(state.dossiers.map((d) => d.id)).size !== state.dossiers.length) problems.push('server holds a dossier id twice');
  const server = new Map(state.dossiers.map((d) => [d.id, d]));
  const rows = new Map(state.attachments.map((a) => [a.id, a]));
  for (const d of device) {
    if (d.state !== 'received' || !d.receipt) problems.push(`device dossier ${d.id} is ${d.state}${d.lastError ? ` (${d.lastError.code}: ${d.lastError.message})` : ''}`);
    const s = server.get(d.id);
    if (!s) {
      problems.push(`server lacks dossier ${d.id}`);
      continue;
    }
    const declared = s.body.attachments.map((a) => a.id).sort();
    if (declared.join() !== d.pages.map((p) => p.id).sort().join()) problems.push(`server dossier ${s.code} lists other pages than the device`);
    for (const p of d.pages) {
      const row = rows.get(p.id);
      const file = row && (await storedFile(state, dataDir, row.path));
      if (!row || row.dossierId !== d.id || !file) problems.push(`server dossier ${s.code}: page ${p.id} not stored`);
      else if (file.size !== p.size || file.sha256 !== p.sha256) problems.push(`server dossier ${s.code}: page ${p.id} differs from the device's bytes`);
    }
  }
  return [...problems, ...checkCodes(state), ...checkReceipts(device, state), ...(await auditServer(state, dataDir))];
}
