// Test data and the fixed clock, from one place. Ids and secrets are random per call so that
// tests sharing a database never collide; time is pinned so no test depends on the wall clock.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AttachmentRef, DossierSubmission } from '@hsc/shared';
import type { FastifyInstance } from 'fastify';

/** Tuesday 10 March 2026, 09:00 in Việt Nam: a working day, before the 15:00 cut-off. */
export const TUESDAY_MORNING = new Date('2026-03-10T02:00:00Z');
export const fixedClock = (at: Date) => () => new Date(at);

/** A ward of Thái Nguyên from the seed (Phường Sông Công). */
export const UNIT = '05518';
export const OTHER_UNIT = '05533';
/** Chứng thực chữ ký: one text field and two required document slots. */
export const PROCEDURE = '2.000884';

export interface TestFile {
  ref: AttachmentRef;
  bytes: Buffer;
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function testFile(slot: string, size = 2048): TestFile {
  const bytes = randomBytes(size);
  return {
    bytes,
    ref: { id: randomUUID(), slot, fileName: `${slot}.jpg`, mediaType: 'image/jpeg', size, sha256: sha256(bytes) },
  };
}

export function submission(files: TestFile[], over: Partial<DossierSubmission> = {}): DossierSubmission {
  return {
    procedureCode: PROCEDURE,
    unitCode: UNIT,
    applicant: { fullName: 'Nguyễn Thị Hoa', phone: '0912345678', citizenId: '019123456789', address: 'Tổ 5, phường Sông Công' },
    fields: { documentName: 'Giấy ủy quyền' },
    attachments: files.map((f) => f.ref),
    ...over,
  };
}

export const newSecret = () => randomBytes(24).toString('base64url');

/** A dossier id with its two required pages. */
export function newDossier() {
  const files = [testFile('idCard'), testFile('document')];
  return { id: randomUUID(), secret: newSecret(), files, body: submission(files) };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

export function uploadMetadata(dossierId: string, ref: AttachmentRef, sha = ref.sha256): string {
  return [
    `dossierId ${b64(dossierId)}`,
    `attachmentId ${b64(ref.id)}`,
    `sha256 ${b64(sha)}`,
    `filename ${b64(ref.fileName)}`,
    `filetype ${b64(ref.mediaType)}`,
  ].join(',');
}

/** One-request tus upload (creation-with-upload) through inject(). Returns the HTTP status. */
export async function injectUpload(app: FastifyInstance, dossierId: string, file: TestFile, sha?: string): Promise<number> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(file.bytes.length),
      'upload-metadata': uploadMetadata(dossierId, file.ref, sha),
      'content-type': 'application/offset+octet-stream',
    },
    payload: file.bytes,
  });
  return res.statusCode;
}

export async function putDossier(app: FastifyInstance, id: string, body: unknown, secret: string, lang?: string) {
  return app.inject({
    method: 'PUT',
    url: `/api/dossiers/${id}`,
    headers: { 'x-dossier-secret': secret, ...(lang ? { 'accept-language': lang } : {}) },
    payload: body as object,
  });
}
