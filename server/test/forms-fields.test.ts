// What Mẫu 01 says of each document (original, copy, certified copy or electronic copy, and how
// many) and how many copies (liên) of it are made, as built from the procedure and the channel.
import { FormDocument, SEED_CATALOG, type Procedure } from '@hsc/shared';
import { describe, expect, test } from 'vitest';
import { buildForm } from '../src/services/forms.ts';
import type { DocumentRecord, DossierRecord } from '../src/store/store.ts';

const SIGNATURE = SEED_CATALOG.find((p) => p.code === '2.000884')!;
const AT = '2026-03-10T01:05:00.000Z';
const SHA = 'a'.repeat(64);

function dossier(channel: DossierRecord['channel']): DossierRecord {
  const body = { applicant: { fullName: 'Hoàng Thị Lan', address: 'Xóm Làng Lường', phone: '0912345678', citizenId: '019123456789' }, fields: {} };
  return {
    id: '11111111-1111-4111-8111-111111111111',
    code: 'H19.05716-260310-0001',
    lookupCode: 'K3QX',
    unitCode: '05716',
    procedureCode: SIGNATURE.code,
    procedureVersion: 1,
    status: 'registered',
    body: JSON.stringify(body),
    bodyHash: SHA,
    secretHash: SHA,
    receipt: '{}',
    receivedAt: AT,
    dueAt: AT,
    channel,
    clockFrom: AT,
    rescheduled: false,
    resultId: null,
    finishedAt: null,
    payment: null,
  };
}

const page = (slot: string, n: number): DocumentRecord => ({
  attachment: { id: `${slot}-${n}`, dossierId: 'd', sha256: SHA, size: 1, mediaType: 'image/jpeg', fileName: `${slot}.jpg`, path: 'p', storedAt: AT },
  slot,
  version: 1,
  supplementId: null,
  position: n,
});

function form01(channel: DossierRecord['channel'], procedure: Procedure) {
  const text = buildForm(
    { id: 'f1', issuedAt: AT, dossier: dossier(channel), unit: { code: '05716', name: 'Xã Võ Nhai', type: 'commune', agencyId: 'H19.05716' }, procedure, officer: { id: 's', name: 'Nguyễn Thị Hoa' } },
    '1/2026',
    { kind: '01', documents: [page('idCard', 1), page('idCard', 2), page('document', 3)], fields: {}, dueAt: AT },
  );
  const form = FormDocument.parse(JSON.parse(text));
  if (form.kind !== '01') throw new Error('not a Mẫu 01');
  return form;
}

describe('Mẫu 01: each document’s kind and count, and the copies of the receipt', () => {
  test('an online dossier’s documents are electronic copies; a walk-in’s are copies; one of each, two copies of the receipt', () => {
    const online = form01('online', SIGNATURE);
    expect(online.documents.map((d) => [d.slot, d.kind, d.count, d.pages])).toEqual([
      ['idCard', 'electronicCopy', 1, 2],
      ['document', 'electronicCopy', 1, 1],
    ]);
    expect(online.copies).toBe(2);
    expect(form01('desk', SIGNATURE).documents.map((d) => d.kind)).toEqual(['copy', 'copy']);
  });

  test('the kind the procedure asks for wins over the channel’s', () => {
    const procedure: Procedure = { ...SIGNATURE, documents: SIGNATURE.documents.map((s) => (s.key === 'document' ? { ...s, kind: 'original' } : s)) };
    expect(form01('desk', procedure).documents.map((d) => d.kind)).toEqual(['copy', 'original']);
    const certified: Procedure = { ...SIGNATURE, documents: SIGNATURE.documents.map((s) => (s.key === 'idCard' ? { ...s, kind: 'certifiedCopy' } : s)) };
    expect(form01('online', certified).documents.map((d) => d.kind)).toEqual(['certifiedCopy', 'electronicCopy']);
  });

  test('a form stored before these fields still parses', () => {
    const old = { ...form01('online', SIGNATURE) } as Record<string, unknown>;
    delete old.copies;
    old.documents = [{ slot: 'idCard', label: 'Căn cước', pages: 2, version: 1 }];
    expect(FormDocument.safeParse(old).success).toBe(true);
  });
});
