// OpenAPI generated from the same zod schemas that validate and serialise the routes, with
// Swagger UI at /api/docs and the JSON at /api/docs/json. Registered before the routes so
// that every route is seen.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Hồ sơ công API',
        description:
          'Offline-first submission of administrative dossiers to a commune. Attachments are uploaded ' +
          'first with tus 1.0.0 at /api/uploads (Upload-Metadata: dossierId, attachmentId, sha256, filename, ' +
          'filetype), then the dossier is PUT with the same ids.',
        version: '1',
      },
      components: {
        securitySchemes: {
          integrationKey: { type: 'http', scheme: 'bearer', description: 'An API key of the province system, from `pnpm integration:key` (server/README.md, Integration)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}
