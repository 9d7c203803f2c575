// A walk-in finished at the desk: the form fixed to the officer's commune with a "no phone"
// choice (never a made-up number), and once the receipt is held, one button that accepts the
// dossier and shows Mẫu 01 to print; offline it says so and keeps everything.
import type { FormDocument } from '@hsc/shared/desk';
import type { Receipt } from '@hsc/shared/schemas';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDossier, normalizeForSend, patchDraft } from '../../db/dossiers.ts';
import { createWalkinDraft, newWalkinSession, receiveWalkin } from '../../db/walkin.ts';
import { resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { deskDossier, fakeApi, FORM_01, json, setupStaffTest, user } from '../test/fixtures.ts';
import WalkinDesk from './WalkinDesk.tsx';

beforeEach(async () => {
  await setupStaffTest();
  await resetDb();
  await seedReferenceData();
  localStorage.clear();
  vi.spyOn(window, 'print').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const me = () => ({ user: user('officer'), csrfToken: 'csrf-1' });

async function openSession(): Promise<{ id: string; session: string }> {
  const session = newWalkinSession();
  const d = await createWalkinDraft('2.000884', session, '05716');
  history.replaceState(null, '', `/staff/walkin/${session}`);
  return { id: d.id, session };
}

async function receivedWalkin(): Promise<string> {
  const { id } = await openSession();
  const receipt: Receipt = {
    dossierId: id,
    code: 'H19.05716-261130-0001',
    lookupCode: 'K3QX',
    unitCode: '05716',
    procedureCode: '2.000884',
    status: 'registered',
    receivedAt: '2026-11-30T02:05:00.000Z',
    dueAt: '2026-12-02T10:00:00.000Z',
    documents: [{ attachmentId: '00000000-0000-4000-8000-000000000001', slot: 'idCard', sha256: 'a'.repeat(64), size: 10 }],
  };
  await receiveWalkin(id, receipt);
  return id;
}

const noPhoneForm = (id: string): FormDocument => ({ ...FORM_01, dossierId: id, applicant: { fullName: 'Lò Văn Páo', address: 'Bản Nà Mò', phone: '', noPhone: true } });

describe('the walk-in form', () => {
  it('is fixed to the officer’s commune (no picker) and takes "no phone" instead of a number', async () => {
    fakeApi({ 'GET /api/staff/me': me });
    const { id } = await openSession();
    render(<WalkinDesk />);
    expect((await screen.findByTestId('walkin-unit')).textContent).toMatch(/Võ Nhai/);
    expect(screen.queryByTestId('field-unitCode')).toBeNull();

    fireEvent.change(screen.getByTestId('field-applicant.phone'), { target: { value: '0912345678' } });
    fireEvent.click(screen.getByTestId('no-phone'));
    // The number typed before is dropped, and the field is no longer asked for.
    expect(screen.queryByTestId('field-applicant.phone')).toBeNull();
    screen.getByTestId('no-phone-note');
    await waitFor(async () => expect((await getDossier(id))!.applicant).toMatchObject({ phone: '', noPhone: true }));
    expect(normalizeForSend((await getDossier(id))!).applicant).toMatchObject({ phone: '', noPhone: true });

    // Unticked: the phone is asked for again.
    fireEvent.click(screen.getByTestId('no-phone'));
    screen.getByTestId('field-applicant.phone');
    await waitFor(async () => expect((await getDossier(id))!.applicant.noPhone).toBeUndefined());
  });

  it('keeps "no phone" on the desk: a stray number with it is not sent', async () => {
    const { id } = await openSession();
    await patchDraft(id, { 'applicant.phone': '0912 345 678', 'applicant.noPhone': 'yes' });
    expect(normalizeForSend((await getDossier(id))!).applicant).toMatchObject({ phone: '', noPhone: true });
  });
});

describe('accept and print Mẫu 01 at the desk', () => {
  it('accepts through the staff API, shows Mẫu 01 with "no phone", prints, then offers the next citizen', async () => {
    const id = await receivedWalkin();
    const api = fakeApi({
      'GET /api/staff/me': me,
      [`POST /api/staff/dossiers/${id}/actions`]: () => ({ dossier: deskDossier({ id, status: 'accepted' }), form: noPhoneForm(id) }),
    });
    render(<WalkinDesk />);
    await screen.findByTestId('walkin-receipt');
    fireEvent.click(screen.getByTestId('walkin-accept'));
    await screen.findByTestId('walkin-form01');
    expect(screen.getByTestId('form-applicant').textContent).toContain('không có điện thoại');
    expect(screen.queryByTestId('walkin-receipt')).toBeNull();
    await waitFor(() => expect(window.print).toHaveBeenCalledTimes(1));
    screen.getByTestId('walkin-print-form01');
    screen.getByTestId('walkin-next');
    const call = api.calls.find((c) => c.method === 'POST')!;
    expect(call.body).toMatchObject({ action: 'accept', actionId: (await getDossier(id))!.deskAcceptId });
    expect(call.headers['x-csrf-token']).toBe('csrf-1');
  });

  it('offline: says so, loses nothing, and the retry is the same action', async () => {
    const id = await receivedWalkin();
    const before = await getDossier(id);
    let online = false;
    const api = fakeApi({
      'GET /api/staff/me': me,
      [`POST /api/staff/dossiers/${id}/actions`]: () => {
        if (!online) throw new TypeError('Failed to fetch');
        return { dossier: deskDossier({ id, status: 'accepted' }), form: noPhoneForm(id) };
      },
    });
    render(<WalkinDesk />);
    await screen.findByTestId('walkin-receipt');
    fireEvent.click(screen.getByTestId('walkin-accept'));
    expect((await screen.findByTestId('walkin-accept-failed')).dataset.why).toBe('offline');
    screen.getByTestId('walkin-receipt');
    const kept = (await getDossier(id))!;
    expect({ ...kept, deskAcceptId: undefined }).toEqual({ ...before, deskAcceptId: undefined });

    online = true;
    fireEvent.click(screen.getByTestId('walkin-accept'));
    await screen.findByTestId('walkin-form01');
    const posts = api.calls.filter((c) => c.method === 'POST').map((c) => (c.body as { actionId: string }).actionId);
    expect(posts).toHaveLength(2);
    expect(posts[0]).toBe(posts[1]);
  });

  it('the session ended since: asks for the sign-in, accepts nothing', async () => {
    const id = await receivedWalkin();
    let signedIn = true;
    const api = fakeApi({ 'GET /api/staff/me': () => (signedIn ? me() : json(401, { error: 'unauthenticated', message: 'Hết phiên.' })) });
    render(<WalkinDesk />);
    await screen.findByTestId('walkin-receipt');
    signedIn = false;
    fireEvent.click(screen.getByTestId('walkin-accept'));
    expect((await screen.findByTestId('walkin-accept-failed')).dataset.why).toBe('login');
    expect(api.calls.some((c) => c.method === 'POST' && c.url.pathname.includes(id))).toBe(false);
  });

  it('accepted already in the console: prints the Mẫu 01 it issued', async () => {
    const id = await receivedWalkin();
    fakeApi({
      'GET /api/staff/me': me,
      [`POST /api/staff/dossiers/${id}/actions`]: () => json(409, { error: 'invalid_transition', message: 'Không thể.' }),
      [`GET /api/staff/dossiers/${id}`]: () => ({ dossier: deskDossier({ id, status: 'accepted', forms: [{ id: FORM_01.id, kind: '01', number: FORM_01.number, issuedAt: FORM_01.issuedAt }] }) }),
      [`GET /api/staff/forms/${FORM_01.id}`]: () => noPhoneForm(id),
    });
    render(<WalkinDesk />);
    await screen.findByTestId('walkin-receipt');
    fireEvent.click(screen.getByTestId('walkin-accept'));
    await screen.findByTestId('walkin-form01');
  });
});
