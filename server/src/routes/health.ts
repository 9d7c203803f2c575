import { Health } from '@hsc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { StoreKind } from '../store/store.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ storeKind: StoreKind }> = async (app, { storeKind }) => {
  app.get('/api/health', { schema: { tags: ['system'], response: { 200: Health } } }, async () => ({ status: 'ok' as const, store: storeKind }));
};
