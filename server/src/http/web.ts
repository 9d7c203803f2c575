// Serves the built PWA from the same origin as the API. Pre-compressed files (.br/.gz made at
// build time) go out as they are: Fastify does not compress, and 2G phones need the bytes cut.
// Hashed files under /assets/ never change; the shell and the service worker must revalidate,
// or a phone would keep an old app forever.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from './errors.ts';

// The pages: `/` and `/catalog` hold their first screen drawn at build time (web/prerender.ts);
// every other page path gets the plain shell.
const PAGES: Record<string, string> = { '/catalog': 'catalog.html' };
const SHELL = 'shell.html';
const NO_CACHE = new Set(['index.html', ...Object.values(PAGES), SHELL, 'sw.js', 'registerSW.js', 'manifest.webmanifest']);
const IMMUTABLE = 'public, max-age=31536000, immutable';

function cacheControlFor(path: string): string | undefined {
  const name = basename(path).replace(/\.(br|gz|deflate)$/, '');
  if (NO_CACHE.has(name)) return 'no-cache';
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
 * or a reload on /ho-so/…) and gets its page, or the app shell. A missing hashed asset stays a 404 so
 * that an immutable cache never stores HTML under a script's name.
 */
export function spaFallback(req: FastifyRequest, reply: FastifyReply) {
  const path = req.url.split('?')[0] ?? '';
  const isApi = path === '/api' || path.startsWith('/api/');
  if (isApi || (req.method !== 'GET' && req.method !== 'HEAD') || path.startsWith('/assets/')) return notFound(req, reply);
  return reply.header('cache-control', 'no-cache').sendFile(PAGES[path] ?? SHELL);
}
