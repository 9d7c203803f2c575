// SMS opt-in from the phone, for a person whose phone shows no notifications: the number goes to
// the server with the dossier's device secret. The server keeps it; nothing is stored here.
import { DEVICE_SECRET_HEADER } from '@hsc/shared/schemas';
import { getDossier } from '../db/dossiers.ts';

export type SmsState = { kind: 'unavailable' } | { kind: 'offer'; phone: string } | { kind: 'on'; phone: string };

async function secretHeaders(dossierId: string): Promise<Record<string, string> | undefined> {
  const dossier = await getDossier(dossierId);
  return dossier && { [DEVICE_SECRET_HEADER]: dossier.deviceSecret };
}

/** What the server says (offline or not sent yet: nothing is offered). */
export async function smsState(dossierId: string): Promise<SmsState> {
  try {
    const dossier = await getDossier(dossierId);
    if (!dossier) return { kind: 'unavailable' };
    const res = await fetch(`/api/dossiers/${dossierId}/sms`, { headers: { [DEVICE_SECRET_HEADER]: dossier.deviceSecret } });
    if (!res.ok) return { kind: 'unavailable' };
    const s = (await res.json()) as { available: boolean; optedIn: boolean; phone?: string };
    if (!s.available) return { kind: 'unavailable' };
    // The number typed in the form is offered; the person may change it.
    return s.optedIn ? { kind: 'on', phone: s.phone ?? '' } : { kind: 'offer', phone: dossier.applicant.phone ?? '' };
  } catch {
    return { kind: 'unavailable' };
  }
}

export async function enableSms(dossierId: string, phone: string, lang: string): Promise<'on' | 'invalid_phone' | 'failed'> {
  try {
    const headers = await secretHeaders(dossierId);
    if (!headers) return 'failed';
    const res = await fetch(`/api/dossiers/${dossierId}/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ phone, lang: lang.startsWith('en') ? 'en' : 'vi' }),
    });
    return res.ok ? 'on' : res.status === 400 ? 'invalid_phone' : 'failed';
  } catch {
    return 'failed';
  }
}

export async function disableSms(dossierId: string): Promise<boolean> {
  try {
    const headers = await secretHeaders(dossierId);
    if (!headers) return false;
    return (await fetch(`/api/dossiers/${dossierId}/sms`, { method: 'DELETE', headers })).ok;
  } catch {
    return false;
  }
}
