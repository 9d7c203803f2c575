// Boot: draw the first screen in the person's language (taking over the HTML drawn at build
// time when it is that screen), then load what it does not need: the database, the sync engine
// with zod and tus, the other screens, the service worker.
import { startTransition, StrictMode, type ReactNode } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { chooseLanguage, chosenLanguage, DEFAULT_LANGUAGE, i18next, initI18n, loadTexts } from './i18n/index.ts';
import { App, preloadScreens } from './ui/App.tsx';
import './ui/styles.css';

async function boot(): Promise<void> {
  const container = document.getElementById('root')!;
  const chosen = chosenLanguage();
  await initI18n(chosen, { firstOnly: true });
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  );
  // index.html and catalog.html hold their screen in Vietnamese (prerender.ts): React adopts
  // that HTML as it is. A deep link, a query or another language is drawn afresh.
  const built = container.dataset.prerendered === location.pathname && !location.search && i18next.language === DEFAULT_LANGUAGE;
  const root = built ? hydrate(container, app) : createRoot(container);
  if (!built) root.render(app);
  await afterFirstScreen(root, chosen);
}

/** React takes the page over as a transition: in slices, letting a tap through between them, instead of in one long task on a slow phone. */
function hydrate(container: HTMLElement, app: ReactNode): Root {
  let root!: Root;
  startTransition(() => {
    root = hydrateRoot(container, app);
  });
  return root;
}

async function afterFirstScreen(root: Root, chosen: string | undefined): Promise<void> {
  void loadTexts();
  let settings;
  try {
    settings = await (await import('./db/settings.ts')).getSettings();
  } catch (e) {
    console.error('IndexedDB unavailable', e);
    root.render(<p className="notice">{i18next.t('app.storageError')}</p>);
    return;
  }
  // A language chosen before it was kept in localStorage was kept with the settings.
  if (!chosen && settings.language) await chooseLanguage(settings.language);

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
