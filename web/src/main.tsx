// Boot: read the person's language from the phone, draw the first screen, then load what the
// first screen does not need (the sync engine with zod and tus, the service worker).
import './zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getSettings } from './db/settings.ts';
import { initI18n } from './i18n/index.ts';
import { App, preloadScreens } from './ui/App.tsx';
import './ui/styles.css';

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  let language: string | undefined;
  try {
    language = (await getSettings()).language;
  } catch (e) {
    console.error('IndexedDB unavailable', e);
    const i18n = await initI18n();
    root.render(<p className="notice">{i18n.t('app.storageError')}</p>);
    return;
  }
  await initI18n(language);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

  // A finished dossier's copy whose time has come is removed at app open (db/retention.ts).
  void import('./db/retention.ts').then((m) => m.purgeFinished()).catch((e: unknown) => console.error('purge failed', e));
  void import('./sync/runner.ts').then((m) => m.startSync());
  const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  idle(() => preloadScreens());
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    void import('./pwa/register.ts').then((m) => m.registerServiceWorker());
  }
}

void boot();
