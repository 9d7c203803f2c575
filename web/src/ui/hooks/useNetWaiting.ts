import { useEffect, useState, useSyncExternalStore } from 'react';
import { isSilent, linkStore, progressStore, type SendProgress } from '../../sync/client.ts';

const subscribeLink = (l: () => void) => linkStore.subscribe(() => l());
const subscribeProgress = (l: () => void) => progressStore.subscribe(l);
const progressVersion = () => progressStore.version;

/**
 * "Connected but nothing moves": the last try of the outbox got no answer while the device said
 * it was online, or a send in progress (this dossier's, or any with no id) has not moved for
 * `SILENT_MS`. Re-checked every second while something is being sent, so a frozen percentage
 * turns into words by itself.
 */
export function useNetWaiting(dossierId?: string): boolean {
  const silentLink = useSyncExternalStore(subscribeLink, () => linkStore.silent, () => false);
  useSyncExternalStore(subscribeProgress, progressVersion, () => 0);
  const sending = progressStore.all().length > 0;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!sending) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [sending]);
  if (silentLink) return true;
  const watched: (SendProgress | undefined)[] = dossierId ? [progressStore.get(dossierId)] : progressStore.all();
  return watched.some((p) => p !== undefined && isSilent(p, now));
}
