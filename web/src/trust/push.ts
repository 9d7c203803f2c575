// Web Push sign-up from the phone: permission (only on the person's tap), a subscription with
// the server's VAPID key, and the subscription sent with the dossier's device secret.
import { base64urlDecode } from '@hsc/shared/canonical';
import { DEVICE_SECRET_HEADER } from '@hsc/shared/schemas';
import { getDossier } from '../db/dossiers.ts';
import { isPushEnabled, markPushEnabled } from '../db/trust.ts';

export type PushState = 'unsupported' | 'offer' | 'on' | 'denied';

export async function pushState(dossierId: string): Promise<PushState> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return (await isPushEnabled(dossierId)) && Notification.permission === 'granted' ? 'on' : 'offer';
}

export async function enablePush(dossierId: string, lang: string): Promise<PushState | 'failed'> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'offer';
  try {
    const dossier = await getDossier(dossierId);
    if (!dossier) return 'failed';
    const reg = await navigator.serviceWorker.ready;
    let sub = await reg.pushManager.getSubscription();
    if (!sub) {
      const key = await fetch('/api/push/key').then((r) => (r.ok ? (r.json() as Promise<{ publicKey: string }>) : Promise.reject(new Error(String(r.status)))));
      sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64urlDecode(key.publicKey) as Uint8Array<ArrayBuffer> });
    }
    const res = await fetch(`/api/dossiers/${dossierId}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [DEVICE_SECRET_HEADER]: dossier.deviceSecret },
      body: JSON.stringify({ subscription: sub.toJSON(), lang: lang.startsWith('en') ? 'en' : 'vi' }),
    });
    if (!res.ok) return 'failed';
    await markPushEnabled(dossierId);
    return 'on';
  } catch {
    return 'failed';
  }
}
