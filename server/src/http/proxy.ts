// How Fastify is told which proxies to believe. A hop count becomes a function of the hop's
// position: this Fastify turns a bare number into "trust nothing" (it cannot check the peer),
// but behind one reverse proxy the right answer is "the proxy's own entry, and no further".
// With a count, the server must be reachable only through its proxies (a client talking to it
// directly could otherwise name any address); an address list checks the peer instead.
import type { TrustProxy } from '../config.ts';

export type FastifyTrustProxy = false | string[] | ((address: string, hop: number) => boolean);

export function fastifyTrustProxy(trust: TrustProxy | undefined): FastifyTrustProxy {
  if (trust === undefined) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}
