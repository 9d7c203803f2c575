import { useSyncExternalStore } from 'react';
import { progressStore, type SendProgress } from '../../sync/client.ts';

export function useSendProgress(dossierId: string): SendProgress | undefined {
  return useSyncExternalStore(
    (l) => progressStore.subscribe(l),
    () => progressStore.get(dossierId),
  );
}
