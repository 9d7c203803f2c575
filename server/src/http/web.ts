// Serves the built PWA from the same origin as the API. Pre-compressed files (.br/.gz made at
// build time) go out as they are: Fastify does not compress, and 2G phones need the bytes cut.
// Hashed files under /assets/ never change; the shell and the service workers must revalidate,
// or a phone would keep an old app forever.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from './errors.ts';

// Every page (an .html file), the service workers and the manifest must revalidate.
const NO_CACHE = new Set(['sw.js', 'sync-worker.js', 'registerSW.js', 'manifest.webmanifest']);
// What a page path gets when the build drew no file for it (web/prerender.ts).
const SHELL = 'shell.html';
const IMMUTABLE = 'public, max-age=31536000, immutable';

function cacheControlFor(path: string): string | undefined {
  const name = basename(path).replace(/\.(br|gz|deflate)$/, '');
  if (name.endsWith('.html') || NO_CACHE.has(name)) return 'no-cache';
  if (/[\\/]assets[\\/]/.test(path)) return IMMUTABLE;
  return undefined;
}

/** True when `webRoot` holds a built app. */
export const hasWebApp = (webRoot: string | null | undefined): webRoot is string => !!webRoot && existsSync(join(webRoot, 'index.html'));

export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webRoot,
    preCompressed: true,
    cacheControl: false, // set per file below
    setHeaders: (reply, path) => {
      const value = cacheControlFor(path);
      if (value) reply.header('cache-control', value);
    },
  });
}

/**
 * Unknown URLs: the API answers JSON 404s; any other GET is a client-side route (a deep link
 * or a reload on /ho-so/…). A path the build drew a page for gets it (`/catalog` → catalog.html,
 * as the service worker's precache finds it offline); every other one gets the app shell. A
 * missing hashed asset stays a 404 so that an immutable cache never stores HTML under a
 * script's name. The pages are listed once, when the server starts: the build does not change
 * under a running server.
 */
export function spaFallback(webRoot: string) {
  const pages = new Set(readdirSync(webRoot).filter((f) => f.endsWith('.html')));
  return (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '';
    const isApi = path === '/api' || path.startsWith('/api/');
    if (isApi || (req.method !== 'GET' && req.method !== 'HEAD') || path.startsWith('/assets/')) return notFound(req, reply);
    const page = `${path.slice(1)}.html`;
    return reply.header('cache-control', 'no-cache').sendFile(pages.has(page) ? page : SHELL);
  };
}
