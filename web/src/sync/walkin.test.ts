// Walk-in dossiers on a shared desk device, through the outbox engine against the fake commune:
// the staff endpoint with the officer's session and CSRF token, kept (never lost) while nobody
// is signed in, wiped once received, and each walk-in session kept apart.
import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../capture/hash.ts';
import { addAttachment, listAttachments } from '../db/attachments.ts';
import { db } from '../db/db.ts';
import { getDossier, listDossiers, patchDraft, queueDossier } from '../db/dossiers.ts';
import { createWalkinDraft, listWalkins, newWalkinSession, walkinOf } from '../db/walkin.ts';
import { BASE, createFakeServer, fakeServerEngine } from '../test-utils/fake-server.ts';
import { bytes, queuedDossier, resetDb } from '../test-utils/fixtures.ts';
import { createSyncEngine } from './engine.ts';

let clock: number;
let server: ReturnType<typeof createFakeServer>;

const engine = () => fakeServerEngine(server, () => clock);

async function walkin(session: string, name: string, queue = true) {
  const d = await createWalkinDraft('2.000884', session, '05716');
  await patchDraft(d.id, {
    'applicant.fullName': name,
    'applicant.phone': '0912345678',
    'applicant.citizenId': '019123456789',
    'applicant.address': 'Xóm Làng Lường, xã Võ Nhai',
    'fields.documentName': 'Giấy ủy quyền',
  });
  for (const slot of ['idCard', 'document']) {
    const blob = bytes(`${name}:${slot}`);
    await addAttachment({ dossierId: d.id, slot, fileName: `${slot}.png`, mediaType: 'image/png', size: blob.size, sha256: await sha256Hex(blob), blob });
  }
  return queue ? queueDossier(d.id) : (await getDossier(d.id))!;
}

beforeEach(async () => {
  await resetDb();
  clock = Date.UTC(2026, 10, 26, 2, 0);
  server = createFakeServer();
});

describe('walk-in dossiers (desk channel)', () => {
  it('go to the staff endpoint with the session cookie and CSRF token, then the local copy is wiped', async () => {
    const d = await walkin(newWalkinSession(), 'Lò Văn Páo');

    const report = await engine().runOnce({ force: true });

    expect(report.sent).toEqual([d.id]);
    const put = server.requests.filter((r) => r.method === 'PUT');
    expect(put.map((r) => r.path)).toEqual([`/api/staff/dossiers/${d.id}`]);
    expect(put[0]!.headers.get('x-csrf-token')).toBe('csrf-token-1');
    expect(put[0]!.credentials).toBe('include');

    const kept = (await getDossier(d.id))!;
    expect(kept.state).toBe('received');
    expect(kept.receipt?.code).toBe('H19.05716-261126-0001');
    expect(kept.receipt?.documents).toHaveLength(2);
    // Decree 13/2023: nothing personal stays on the shared device, pages included.
    expect(kept.applicant).toEqual({ fullName: '', phone: '', citizenId: '', address: '', email: '' });
    expect(kept.fields).toEqual({});
    expect(kept.wipedAt).toBe(clock);
    expect(await db.attachments.where('dossierId').equals(d.id).count()).toBe(0);
    expect(JSON.stringify(await db.dossiers.get(d.id))).not.toContain('Páo');
  });

  it('stay queued with a plain reason while nobody is signed in, and go once an officer is', async () => {
    const d = await walkin(newWalkinSession(), 'Hoàng Thị Mai');
    server.behaviour.staffCsrf = null;

    const report = await engine().runOnce({ force: true });

    expect(report.retrying).toEqual([d.id]);
    let stored = (await getDossier(d.id))!;
    expect(stored.state).toBe('queued');
    expect(stored.lastError?.code).toBe('staffLogin');
    expect(stored.applicant.fullName).toBe('Hoàng Thị Mai');
    expect(await listAttachments(d.id)).toHaveLength(2);
    expect(server.dossiers.size).toBe(0);

    server.behaviour.staffCsrf = 'csrf-token-2';
    await engine().runOnce({ force: true });
    stored = (await getDossier(d.id))!;
    expect(stored.state).toBe('received');
    expect(server.requests.filter((r) => r.method === 'PUT').at(-1)?.headers.get('x-csrf-token')).toBe('csrf-token-2');
  });

  it('stay queued when the session ends between asking for the token and sending (401 on the PUT)', async () => {
    const d = await walkin(newWalkinSession(), 'Triệu Văn Sinh');
    const fetch = server.fetch;
    let puts = 0;
    const e = createSyncEngine({
      api: {
        base: BASE,
        fetch: async (input, init) => {
          // The session expires just before the dossier's PUT arrives.
          if (init?.method === 'PUT' && puts++ === 0) server.behaviour.staffCsrf = null;
          return fetch(input, init);
        },
      },
      uploader: server.uploader,
      now: () => clock,
      random: () => 0.5,
    });
    await e.runOnce({ force: true });
    const stored = (await getDossier(d.id))!;
    expect(stored.state).toBe('queued');
    expect(stored.lastError?.code).toBe('staffLogin');
    expect(await listAttachments(d.id)).toHaveLength(2);
  });

  it('keep each walk-in apart: the next citizen never touches the previous one, and Home shows none of them', async () => {
    const own = await queuedDossier('Chủ máy');
    const first = newWalkinSession();
    const a = await walkin(first, 'Người thứ nhất');
    const second = newWalkinSession();
    const b = await walkin(second, 'Người thứ hai', false);

    await engine().runOnce({ force: true });

    // The first walk-in and the owner's dossier went; the second, still a draft, is untouched.
    expect((await getDossier(a.id))?.wipedAt).toBeDefined();
    const bStored = (await getDossier(b.id))!;
    expect(bStored.state).toBe('draft');
    expect(bStored.applicant.fullName).toBe('Người thứ hai');
    expect(await listAttachments(b.id)).toHaveLength(2);
    expect((await walkinOf(second))?.id).toBe(b.id);
    expect((await walkinOf(first))?.id).toBe(a.id);

    expect((await listDossiers()).map((d) => d.id)).toEqual([own.id]);
    expect((await listWalkins()).map((d) => d.id).sort()).toEqual([a.id, b.id].sort());
    // The owner's dossier went to the citizen endpoint, not the staff one.
    expect(server.requests.some((r) => r.method === 'PUT' && r.path === `/api/dossiers/${own.id}`)).toBe(true);
    // Walk-ins are not followed by status from the desk device.
    expect(server.requests.some((r) => r.path === `/api/dossiers/${a.id}/status`)).toBe(false);
  });
});
