// Service worker registration (production only). registerType 'prompt': a new version waits
// until the person taps "Update"; it is never forced, above all while a dossier is unsent.
import { registerSW } from 'virtual:pwa-register';
import { updateStore } from './update-store.ts';

const CHECK_EVERY_MS = 60 * 60 * 1000;

export function registerServiceWorker(): void {
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh() {
      updateStore.offer(() => {
        // workbox-window reloads only when this page was already controlled at start; a first
        // visit (controlled later through clientsClaim) must reload itself once the new worker takes over.
        navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
        void updateSW(true);
      });
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, CHECK_EVERY_MS);
    },
    onRegisterError(error) {
      console.error('service worker registration failed', error);
    },
  });
}
