import { beforeEach, describe, expect, it } from 'vitest';
import { listAttachments } from '../db/attachments.ts';
import { getDossier } from '../db/dossiers.ts';
import { BASE, createFakeServer, fakeServerEngine } from '../test-utils/fake-server.ts';
import { queuedDossier, resetDb } from '../test-utils/fixtures.ts';
import { ProgressStore, type SendProgress } from './progress.ts';

let clock: number;
let online: boolean;
let server: ReturnType<typeof createFakeServer>;
let progress: ProgressStore;

const engine = () => fakeServerEngine(server, () => clock, () => online, progress);

beforeEach(async () => {
  await resetDb();
  clock = Date.UTC(2026, 10, 26, 2, 0);
  online = true;
  server = createFakeServer();
  progress = new ProgressStore();
});

describe('the outbox engine', () => {
  it('uploads the pages, sends the dossier and keeps the receipt and the timeline', async () => {
    const d = await queuedDossier();
    const seen: SendProgress[] = [];
    progress.subscribe(() => {
      const p = progress.get(d.id);
      if (p) seen.push(p);
    });

    const report = await engine().runOnce({ force: true });

    expect(report.sent).toEqual([d.id]);
    const stored = await getDossier(d.id);
    expect(stored?.state).toBe('received');
    expect(stored?.receipt?.code).toBe('H19.05716-261126-0001');
    expect(stored?.receipt?.documents).toHaveLength(2);
    expect(stored?.timeline?.map((t) => t.status)).toEqual(['registered', 'accepted']);
    expect(stored?.status).toBe('accepted');

    const pages = await listAttachments(d.id);
    expect(pages.every((p) => p.uploaded)).toBe(true);
    expect(server.uploadCalls.map((c) => c.metadata)).toEqual(
      pages.map((p) => ({ dossierId: d.id, attachmentId: p.id, sha256: p.sha256, filename: p.fileName, filetype: 'image/png' })),
    );
    expect([...server.files.values()].map((f) => f.sha256).sort()).toEqual(pages.map((p) => p.sha256).sort());
    expect(seen.some((p) => p.phase === 'uploading' && p.file === 2 && p.files === 2)).toBe(true);
    expect(seen.at(-1)?.phase).toBe('submitting');
    expect(progress.get(d.id)).toBeUndefined();
  });

  it('resends after a lost answer without making a second dossier', async () => {
    const d = await queuedDossier();
    server.behaviour.loseResponses = 1;

    const first = await engine().runOnce({ force: true });
    expect(first.retrying).toEqual([d.id]);
    expect((await getDossier(d.id))?.state).toBe('queued');
    expect(server.dossiers.size).toBe(1);

    clock += 2_000;
    const second = await engine().runOnce();
    expect(second.sent).toEqual([d.id]);
    expect(server.dossiers.size).toBe(1);
    const stored = await getDossier(d.id);
    expect(stored?.receipt).toEqual(server.dossiers.get(d.id)?.receipt);
    // The pages were not uploaded a second time.
    expect(server.uploadCalls).toHaveLength(2);
  });

  it('uploads again a page the server reports missing, then gets the receipt', async () => {
    const d = await queuedDossier();
    const [first] = await listAttachments(d.id);
    server.behaviour.forgetOnce.add(first!.id);

    const report = await engine().runOnce({ force: true });

    expect(report.sent).toEqual([d.id]);
    const ids = server.uploadCalls.map((c) => c.metadata.attachmentId);
    expect(ids.filter((id) => id === first!.id)).toHaveLength(2);
    // The second upload of the forgotten page started afresh, not from the old URL.
    expect(server.uploadCalls.filter((c) => c.metadata.attachmentId === first!.id)[1]?.uploadUrl).toBeUndefined();
    expect((await getDossier(d.id))?.state).toBe('received');
  });

  it('sets a conflicting or invalid dossier aside and still sends the next one', async () => {
    const conflicting = await queuedDossier('Người A');
    const invalid = await queuedDossier('Người B');
    const fine = await queuedDossier('Người C');
    server.behaviour.conflict.add(conflicting.id);
    server.behaviour.invalid.add(invalid.id);

    const report = await engine().runOnce({ force: true });

    expect(report.attention.sort()).toEqual([conflicting.id, invalid.id].sort());
    expect(report.sent).toEqual([fine.id]);
    const a = await getDossier(conflicting.id);
    expect(a?.state).toBe('attention');
    expect(a?.lastError).toMatchObject({ code: 'conflict', differences: ['applicant.fullName'] });
    const b = await getDossier(invalid.id);
    expect(b?.state).toBe('attention');
    expect(b?.lastError?.code).toBe('invalid');
    expect(b?.lastError?.fields?.[0]?.path).toBe('applicant.phone');
    expect((await getDossier(fine.id))?.state).toBe('received');

    // Not retried by itself: the next pass leaves them alone.
    const calls = server.uploadCalls.length;
    await engine().runOnce({ force: true });
    expect(server.uploadCalls.length).toBe(calls);
    expect((await getDossier(conflicting.id))?.state).toBe('attention');
  });

  it('backs off on network errors and stays in the outbox', async () => {
    const d = await queuedDossier();
    server.behaviour.networkDown = 100;
    const e = engine();
    const start = clock;

    const first = await e.runOnce({ force: true });
    let stored = await getDossier(d.id);
    expect(stored?.state).toBe('queued');
    expect(stored?.attempts).toBe(1);
    expect(stored?.lastError?.code).toBe('network');
    expect(stored?.nextAttemptAt).toBe(start + 2_000);
    expect(first.nextWakeAt).toBe(start + 2_000);

    // The timer's pass before the due time does not knock again.
    clock = start + 1_000;
    const calls = server.uploadCalls.length;
    await e.runOnce();
    expect(server.uploadCalls.length).toBe(calls);

    clock = start + 2_000;
    await e.runOnce();
    stored = await getDossier(d.id);
    expect(stored?.attempts).toBe(2);
    expect(stored?.nextAttemptAt).toBe(clock + 4_000);

    // Network back: the next pass sends it.
    server.behaviour.networkDown = 0;
    clock += 4_000;
    await e.runOnce();
    expect((await getDossier(d.id))?.state).toBe('received');
  });

  it('resumes a cut upload from the URL kept in IndexedDB', async () => {
    const d = await queuedDossier('Người D', { idCard: ['front'], document: [] } as Record<string, string[]>);
    server.behaviour.cutUploads = 1;

    await engine().runOnce({ force: true });
    const [page] = await listAttachments(d.id);
    expect(page?.uploaded).toBe(false);
    expect(page?.uploadUrl).toBe(`${BASE}/api/uploads/${page!.id}`);

    await engine().runOnce({ force: true });
    expect(server.uploadCalls[1]?.uploadUrl).toBe(page?.uploadUrl);
    expect((await getDossier(d.id))?.state).toBe('received');
  });

  it('does nothing while offline but says when to look again', async () => {
    const d = await queuedDossier();
    online = false;
    const report = await engine().runOnce({ force: true });
    expect(report.offline).toBe(true);
    expect(report.nextWakeAt).toBeGreaterThan(clock);
    expect(server.uploadCalls).toHaveLength(0);
    expect((await getDossier(d.id))?.state).toBe('queued');
  });

  it('queues again a dossier whose send was cut off by a closed tab', async () => {
    const d = await queuedDossier();
    const { markSending } = await import('../db/dossiers.ts');
    await markSending(d.id);
    const report = await engine().runOnce({ force: true });
    expect(report.sent).toEqual([d.id]);
  });
});
