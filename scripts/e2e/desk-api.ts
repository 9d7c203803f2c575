// A citizen's dossier sent through the API, as a phone sends it (pages by tus, then the PUT
// with the device secret): quicker than driving the citizen app when the test is about the
// console's decisions.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AttachmentRef } from '@hsc/shared/schemas';
import { expect } from 'vitest';

const b64 = (s: string) => Buffer.from(s).toString('base64');

export function pageRef(slot: string, bytes: Buffer, fileName = `${slot}.png`): AttachmentRef {
  return { id: randomUUID(), slot, fileName, mediaType: 'image/png', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** One tus request (creation with upload) for a page of a dossier. */
export async function uploadPage(base: string, dossierId: string, ref: AttachmentRef, bytes: Buffer): Promise<void> {
  const meta = [`dossierId ${b64(dossierId)}`, `attachmentId ${b64(ref.id)}`, `sha256 ${b64(ref.sha256)}`, `filename ${b64(ref.fileName)}`, `filetype ${b64(ref.mediaType)}`];
  const res = await fetch(`${base}/api/uploads`, {
    method: 'POST',
    headers: { 'tus-resumable': '1.0.0', 'upload-length': String(bytes.length), 'upload-metadata': meta.join(','), 'content-type': 'application/offset+octet-stream' },
    body: new Uint8Array(bytes),
  });
  expect(res.status, await res.text()).toBeLessThan(300);
}

export interface SentByApi {
  id: string;
  secret: string;
  code: string;
  lookupCode: string;
  dueAt: string;
}

/** A dossier sent the way the phone sends it; answers the receipt's code and due date. */
export async function sendDossierByApi(
  base: string,
  body: { procedureCode: string; unitCode: string; fullName: string; fields: Record<string, string>; pages: Record<string, Buffer> },
): Promise<SentByApi> {
  const id = randomUUID();
  const secret = randomBytes(32).toString('hex');
  const attachments = Object.entries(body.pages).map(([slot, bytes]) => ({ ref: pageRef(slot, bytes), bytes }));
  for (const a of attachments) await uploadPage(base, id, a.ref, a.bytes);
  const res = await fetch(`${base}/api/dossiers/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-dossier-secret': secret },
    body: JSON.stringify({
      procedureCode: body.procedureCode,
      unitCode: body.unitCode,
      applicant: { fullName: body.fullName, phone: '0987654321', citizenId: '019387654321', address: 'Thôn Nà Mò, xã Võ Nhai' },
      fields: body.fields,
      attachments: attachments.map((a) => a.ref),
    }),
  });
  const answer = await res.json();
  expect(res.status, JSON.stringify(answer)).toBe(201);
  return { id, secret, code: answer.receipt.code, lookupCode: answer.receipt.lookupCode, dueAt: answer.receipt.dueAt };
}
