// A screen's CSS from a string (Vite's `?inline` import, which keeps the staff console's CSS in
// its lazy chunks and out of the citizens' precache) given to the document as a constructed
// stylesheet instead of a <style> element: the server's Content-Security-Policy allows styles
// from files only (style-src 'self'), and constructed stylesheets are CSSOM, which CSP does not
// govern. Added before the screen is painted; removed with the screen.
import { useLayoutEffect } from 'react';

const supported = () => typeof document !== 'undefined' && 'adoptedStyleSheets' in document && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype;

export function AdoptedStyles({ css }: { css: string }) {
  useLayoutEffect(() => {
    if (!supported()) return; // jsdom; browsers from before 2023 (Safari < 16.4) get no screen CSS
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
  return null;
}
