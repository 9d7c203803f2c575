// The desk's walk-in screens: only walk-ins are listed, "Next citizen" opens a new session and
// leaves the previous one's dossier alone, and the desk keeps working when the line is down.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDossier, patchDraft } from '../../db/dossiers.ts';
import { createWalkinDraft, listWalkins, newWalkinSession } from '../../db/walkin.ts';
import { queuedDossier, resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { fakeApi, setupStaffTest, user } from '../test/fixtures.ts';
import WalkinDesk from './WalkinDesk.tsx';

beforeEach(async () => {
  await setupStaffTest();
  await resetDb();
  await seedReferenceData();
  localStorage.clear();
  history.replaceState(null, '', '/staff/walkin');
});
afterEach(() => vi.unstubAllGlobals());

const signedIn = () => fakeApi({ 'GET /api/staff/me': () => ({ user: user('officer'), csrfToken: 'csrf-1' }) });

describe('walk-in mode', () => {
  it('lists the walk-ins of this device and never the owner’s own dossiers', async () => {
    signedIn();
    await queuedDossier('Chủ máy');
    const w = await createWalkinDraft('2.000884', newWalkinSession(), '05716');
    await patchDraft(w.id, { 'applicant.fullName': 'Lò Văn Páo' });
    render(<WalkinDesk />);
    await waitFor(() => expect(screen.getAllByTestId('walkin-item')).toHaveLength(1));
    expect(screen.getByTestId('walkin-item').textContent).toContain('Lò Văn Páo');
    expect(screen.queryByText(/Chủ máy/)).toBeNull();
  });

  it('starts the next citizen in a new session without touching the previous one, offline too', async () => {
    // Signed in once (the commune is remembered), then the line goes down.
    signedIn();
    const first = render(<WalkinDesk />);
    await screen.findByTestId('walkin-next');
    first.unmount();
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));

    const previousSession = newWalkinSession();
    const previous = await createWalkinDraft('2.000884', previousSession, '05716');
    await patchDraft(previous.id, { 'applicant.fullName': 'Người trước' });
    const before = await getDossier(previous.id);

    render(<WalkinDesk />);
    fireEvent.click(await screen.findByTestId('walkin-next'));
    fireEvent.click(await screen.findByTestId('walkin-procedure-2.000884'));
    await screen.findByTestId('send');

    const all = await listWalkins();
    expect(all).toHaveLength(2);
    const fresh = all.find((d) => d.id !== previous.id)!;
    expect(fresh).toMatchObject({ channel: 'desk', unitCode: '05716', state: 'draft' });
    expect(fresh.walkinSession).not.toBe(previousSession);
    expect(location.pathname).toBe(`/staff/walkin/${fresh.walkinSession}`);
    expect(await getDossier(previous.id)).toEqual(before);
  });
});
