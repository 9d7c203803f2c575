// Security headers on every answer: the PWA shell and its files, the staff console (the same
// shell), /tra-cuu, API answers, /api/docs, errors and 404s, and tus's answers (the route
// hijacks the reply, so the headers are put on the raw response before any route runs; a
// header a route sets itself, like /tra-cuu's own stricter CSP or a stored file's `sandbox`,
// takes precedence).
//
// Why our own hook rather than @fastify/helmet: helmet has no Permissions-Policy, its default
// CSP adds `upgrade-insecure-requests` (which breaks a commune that serves the app over plain
// HTTP on its LAN) and styles from any https: origin, and the per-path policies below would be
// overrides of it anyway. Strict-Transport-Security is the TLS proxy's (docs/DEPLOY.md).
import type { FastifyInstance } from 'fastify';

/**
 * The app (citizens and staff). No inline script or style: the built index.html has none
 * (vite emits files; vite-plugin-pwa registers nothing inline, registerSW is in the bundle), and
 * React's `style` props go through the CSSOM, which CSP does not govern.
 * - img-src blob: data: the photos of pages (object URLs), receipt and QR images;
 * - worker-src 'self': the service worker and the photo-shrinking worker are files;
 * - object-src 'self' blob: the console opens a PDF page from a blob: URL of this origin in
 *   a new tab, and Chromium's PDF viewer is a plugin the inherited policy must allow;
 * - frame-ancestors 'none': nobody frames the app (clickjacking of staff actions).
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON and files of the API: nothing in them is ever run or loaded as a page. */
export const API_CSP = "default-src 'none'; object-src 'self'; frame-ancestors 'none'";

/** Swagger UI (/api/docs): its scripts are files, but it styles elements inline and draws icons from data: SVGs. */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The camera for photos of documents, on this origin only; nothing else a page could ask for. */
export const PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()';

export function cspFor(path: string): string {
  if (path === '/api/docs' || path.startsWith('/api/docs/')) return DOCS_CSP;
  if (path === '/api' || path.startsWith('/api/')) return API_CSP;
  return APP_CSP;
}

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (req, reply, done) => {
    const raw = reply.raw;
    raw.setHeader('content-security-policy', cspFor(req.url.split('?', 1)[0] ?? '/'));
    raw.setHeader('x-content-type-options', 'nosniff');
    // The app's URLs hold dossier ids (/ho-so/<id>); no other site needs to learn them.
    raw.setHeader('referrer-policy', 'no-referrer');
    // For browsers older than CSP's frame-ancestors.
    raw.setHeader('x-frame-options', 'DENY');
    raw.setHeader('permissions-policy', PERMISSIONS_POLICY);
    done();
  });
}
