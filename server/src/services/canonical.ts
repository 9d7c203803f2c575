// Canonical JSON (keys sorted at every level, no spaces) so that "the identical body" means the
// same bytes whatever key order the device's JSON encoder chose; and the field-by-field
// comparison that names what differs when the same dossier id comes back changed.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { DossierSubmission } from '@hsc/shared';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function sortKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value as Json;
}

export const canonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value));

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
  const applicantBefore: Record<string, string | undefined> = before.applicant;
  const applicantAfter: Record<string, string | undefined> = after.applicant;
  for (const k of keysOf(before.applicant, after.applicant)) {
    if (applicantBefore[k] !== applicantAfter[k]) out.push(`applicant.${k}`);
  }
  for (const k of keysOf(before.fields, after.fields)) {
    if (before.fields[k] !== after.fields[k]) out.push(`fields.${k}`);
  }
  if (canonicalJson(before.attachments) !== canonicalJson(after.attachments)) out.push('attachments');
  return out;
}
