// Walk-in mode's own paths below /staff/walkin; a walk-in session's id is in the URL, so the
// officer can come back to a citizen's dossier (a reload, the desk's list) without mixing it up.
import { newWalkinSession } from '../../db/walkin.ts';
import { navigate } from '../../ui/router.tsx';

export const walkinPaths = {
  desk: () => '/staff/walkin',
  session: (id: string) => `/staff/walkin/${encodeURIComponent(id)}`,
};

/** "Next citizen": a fresh session; the previous one's dossier stays where it is. */
export function nextCitizen(): void {
  navigate(walkinPaths.session(newWalkinSession()));
}
