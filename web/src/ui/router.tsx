// A tiny history-API router: a handful of routes do not need a dependency. Deep links work
// because the server (and, offline, the service worker) answers every page path with index.html.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
  try {
    window.scrollTo(0, 0);
  } catch {
    // jsdom has no scrolling
  }
}

/** The page drawn at build time (prerender.tsx); in the browser, the page being hydrated. */
let builtPath = '/';
export const setBuiltPath = (path: string) => {
  builtPath = path;
};

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname, () => (typeof location === 'undefined' ? builtPath : location.pathname));
}

export type Route =
  | { name: 'home' }
  | { name: 'catalog' }
  | { name: 'procedure'; code: string }
  | { name: 'privacy'; code?: string }
  | { name: 'edit'; id: string }
  | { name: 'dossier'; id: string }
  | { name: 'verify' }
  | { name: 'notFound' };

export const paths = {
  home: () => '/',
  catalog: () => '/catalog',
  procedure: (code: string) => `/procedures/${encodeURIComponent(code)}`,
  privacy: (code?: string) => (code ? `/procedures/${encodeURIComponent(code)}/privacy` : '/privacy'),
  edit: (id: string) => `/dossiers/${id}/edit`,
  dossier: (id: string) => `/dossiers/${id}`,
  verify: () => '/kiem-tra',
};

/** The catalog list a procedure was opened from, for the procedure screen's "back". */
let catalogView = paths.catalog();
export const catalogReturnPath = () => catalogView;
export const rememberCatalogView = (url: string) => {
  catalogView = url;
};

export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (a === 'catalog' && parts.length === 1) return { name: 'catalog' };
  if (a === 'kiem-tra' && parts.length === 1) return { name: 'verify' };
  if (a === 'privacy' && parts.length === 1) return { name: 'privacy' };
  if (a === 'procedures' && b && parts.length === 2) return { name: 'procedure', code: b };
  if (a === 'procedures' && b && c === 'privacy' && parts.length === 3) return { name: 'privacy', code: b };
  if (a === 'dossiers' && b && parts.length === 2) return { name: 'dossier', id: b };
  if (a === 'dossiers' && b && c === 'edit' && parts.length === 3) return { name: 'edit', id: b };
  return { name: 'notFound' };
}

export function Link({ to, onClick, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...props} />;
}
