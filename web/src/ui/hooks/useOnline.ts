import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/**
 * `navigator.onLine`: "false" is reliable, "true" only means some network is attached. `null`
 * on the page drawn at build time (and while React takes it over): the build cannot know.
 */
export function useNetwork(): boolean | null {
  return useSyncExternalStore(subscribe, () => navigator.onLine !== false, () => null);
}

export function useOnline(): boolean {
  return useNetwork() ?? true;
}
