// Build time only (../prerender.ts runs it in Node): a screen as HTML in the default language,
// so a phone paints the words before any script has arrived; main.tsx then hydrates it.
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { DEFAULT_LANGUAGE, initI18n } from './i18n/index.ts';
import { App } from './ui/App.tsx';
import { setBuiltPath } from './ui/router.tsx';

/** The HTML of `path` as the app draws it before anything is read from the phone's database. */
export async function renderPage(path: string): Promise<string> {
  await initI18n(DEFAULT_LANGUAGE, { firstOnly: true });
  setBuiltPath(path);
  // prerender (not renderToString) waits for the lazy screens, so the HTML holds the screen itself.
  const { prelude } = await prerender(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  return new Response(prelude).text();
}
