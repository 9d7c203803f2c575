// Ids made on the device at creation: the dossier and each attachment are known to the server by
// these, so a resend after a lost answer is recognised as the same dossier.
import { lookupCodeFrom } from '@hsc/shared/code';

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; getRandomValues everywhere.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** "HS-7K3Q": short enough to read aloud, from the same unambiguous alphabet as lookup codes. */
export function newLocalRef(): string {
  return `HS-${lookupCodeFrom(crypto.getRandomValues(new Uint8Array(32)))}`;
}

export function newDeviceSecret(): string {
  return hex(crypto.getRandomValues(new Uint8Array(32)));
}
