// Reading a dossier's state: by the sending device (its secret) or by anyone holding the code
// and the lookup code. Every failure looks the same from outside, and comparisons take the
// same time whether the code exists or not, so neither answers nor timing help a guesser.
import { normalizeLookupCode, type DossierStatusResponse, type TrackResponse } from '@hsc/shared';
import type { DossierRecord, Store } from '../store/store.ts';
import { constantTimeEqual, sha256Hex } from './canonical.ts';
import { readReceipt } from './submission.ts';

/** Compared against when the code is unknown, so that path costs the same as a wrong guess. */
const DECOY = 'decoy-lookup-code';

export class TrackingService {
  constructor(private readonly store: Store) {}

  async forDevice(id: string, secret: string | undefined): Promise<DossierStatusResponse | undefined> {
    const dossier = await this.store.getDossier(id);
    const ok = constantTimeEqual(dossier?.secretHash ?? DECOY, sha256Hex(secret ?? ''));
    if (!dossier || !ok || secret === undefined) return undefined;
    return { receipt: readReceipt(dossier), ...(await this.progress(dossier)) };
  }

  async byCode(code: string, lookup: string): Promise<TrackResponse | undefined> {
    const dossier = await this.store.getDossierByCode(code.trim());
    const ok = constantTimeEqual(dossier?.lookupCode ?? DECOY, normalizeLookupCode(lookup));
    if (!dossier || !ok) return undefined;
    return { code: dossier.code, ...(await this.progress(dossier)) };
  }

  private async progress(d: DossierRecord) {
    return { status: d.status, dueAt: d.dueAt, timeline: await this.store.timeline(d.id) };
  }
}
