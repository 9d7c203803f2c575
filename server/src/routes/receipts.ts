// The public keys a receipt can be checked with. Public and cacheable: the app stores them for
// offline checks, and anyone (a court, a journalist) can verify a receipt without an account.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ReceiptSigner } from '../services/signing.ts';

export const ReceiptKeys = z.object({
  keys: z.array(
    z.object({
      kid: z.string().describe('First 16 hex digits of SHA-256 of the raw public key'),
      alg: z.literal('Ed25519'),
      publicKey: z.string().describe('base64url of the 32 raw bytes'),
    }),
  ),
});

export const receiptRoutes: FastifyPluginAsyncZod<{ signer: ReceiptSigner }> = async (app, { signer }) => {
  app.get(
    '/api/receipts/keys',
    {
      schema: {
        tags: ['receipts'],
        summary: 'Public keys that sign receipts and Mẫu 01-04 forms (the current one first; retired ones stay listed)',
        response: { 200: ReceiptKeys },
      },
    },
    async (_req, reply) => {
      // Short cache: a rotation reaches browsers within minutes; old keys never leave the list.
      reply.header('cache-control', 'public, max-age=300');
      return { keys: signer.keys() };
    },
  );
};
