// Hashing and equal-time comparison for the services, and the field-by-field comparison that
// names what differs when the same dossier id comes back changed. "The identical body" is
// compared in the canonical JSON of shared/src/canonical.ts (keys sorted, no spaces), the same
// form receipts are signed in, so a device's key order never matters.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { DossierSubmission } from '@hsc/shared';
import { canonicalize } from '@hsc/shared/canonical';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Equal-time comparison of two secrets or codes of any length (hashing makes lengths equal). */
export function constantTimeEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/**
 * Paths that differ between two submissions, in a stable order: `procedureCode`, `unitCode`,
 * `applicant.<key>`, `fields.<key>`, and `attachments` as one item (any change to the pages).
 */
export function differences(before: DossierSubmission, after: DossierSubmission): string[] {
  const out: string[] = [];
  if (before.procedureCode !== after.procedureCode) out.push('procedureCode');
  if (before.unitCode !== after.unitCode) out.push('unitCode');
  const keysOf = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  // `noPhone` is the one value that is not text (true or absent): compared as is all the same.
  const applicantBefore: Record<string, string | boolean | undefined> = before.applicant;
  const applicantAfter: Record<string, string | boolean | undefined> = after.applicant;
  for (const k of keysOf(before.applicant, after.applicant)) {
    if (applicantBefore[k] !== applicantAfter[k]) out.push(`applicant.${k}`);
  }
  for (const k of keysOf(before.fields, after.fields)) {
    if (before.fields[k] !== after.fields[k]) out.push(`fields.${k}`);
  }
  if (canonicalize(before.attachments) !== canonicalize(after.attachments)) out.push('attachments');
  return out;
}
