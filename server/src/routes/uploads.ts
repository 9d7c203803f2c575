// tus 1.0.0 resumable uploads at /api/uploads (creation, creation-with-upload, termination).
// Parts wait in the upload area (DATA_DIR/uploads, or PostgreSQL with DATABASE_URL); when the
// last byte arrives the attachment service checks the SHA-256 declared in Upload-Metadata and
// moves the bytes into the blob store before the final 204 is sent, so "upload finished" means
// "stored durably". Nothing of a failed upload is kept.
import { Server, type Upload } from '@tus/server';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { UploadArea } from '../blobs/upload-area.ts';
import { apiError } from '../http/errors.ts';
import { UploadMetadata, type AttachmentService } from '../services/attachments.ts';

export interface UploadRouteOptions {
  attachments: AttachmentService;
  uploads: UploadArea;
  maxBytes: number;
}

/** What @tus/server sends when a hook throws: status and body are passed through. */
interface TusRefusal {
  status_code: number;
  body: string;
}

// tus answers are not localised (the uploader shows its own words); the body is still an ApiError.
const refuse = (status_code: number, error: Parameters<typeof apiError>[1], extra = {}): TusRefusal => ({
  status_code,
  body: JSON.stringify(apiError('en', error, extra)),
});

/** 460 is the tus checksum extension's "Checksum Mismatch"; clients do not retry it. */
const CHECKSUM_MISMATCH = 460;

export const uploadRoutes: FastifyPluginAsync<UploadRouteOptions> = async (app, { attachments, uploads, maxBytes }) => {
  const tus = new Server({
    path: '/api/uploads',
    datastore: uploads.datastore,
    // Several API processes on PostgreSQL share a locker held there; one process keeps tus's
    // in-memory default.
    ...(uploads.locker ? { locker: uploads.locker } : {}),
    maxSize: maxBytes,
    relativeLocation: true,
    allowedOrigins: [], // the PWA is same-origin; no cross-site uploads
    disableTerminationForFinishedUploads: true,
    async onUploadCreate(_req, upload: Upload) {
      if (upload.sizeIsDeferred) throw refuse(400, 'bad_request', { fields: [{ path: 'Upload-Length', code: 'required', message: 'Upload-Length is required' }] });
      const meta = UploadMetadata.safeParse(upload.metadata ?? {});
      if (!meta.success) {
        const fields = meta.error.issues.map((i) => ({ path: `metadata.${i.path.join('.')}`, code: 'invalid', message: i.message }));
        throw refuse(400, 'invalid', { fields });
      }
      return {};
    },
    async onUploadFinish(_req, upload: Upload) {
      const meta = UploadMetadata.parse(upload.metadata ?? {});
      let outcome;
      try {
        outcome = await uploads.finish(upload, (bytes) => attachments.adopt(meta, bytes, upload.size ?? upload.offset));
      } catch (e) {
        // A tus answer (404: the part is gone; 423: another node holds it) goes out as it is.
        if (typeof (e as Partial<TusRefusal>).status_code === 'number') throw e;
        app.log.error({ err: e, upload: upload.id }, 'storing an upload failed');
        // The part was deleted: a retrying client finds 404 and starts afresh, instead of
        // believing a complete-but-unstored upload is done.
        throw refuse(500, 'internal');
      }
      if (outcome.ok) return {};
      if (outcome.error === 'checksum_mismatch') throw refuse(CHECKSUM_MISMATCH, 'corrupt_upload');
      throw refuse(422, 'attachment_conflict');
    },
  });

  // Leave the body stream untouched: @tus/server reads it from the raw request.
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));

  const handle = async (req: FastifyRequest<{ Params: { id?: string } }>, reply: FastifyReply) => {
    const done = req.method === 'HEAD' && req.params.id ? await uploads.finishedLength(req.params.id) : undefined;
    if (done !== undefined) {
      const length = String(done);
      return reply.code(200).headers({ 'tus-resumable': '1.0.0', 'upload-offset': length, 'upload-length': length, 'cache-control': 'no-store' }).send();
    }
    reply.hijack();
    try {
      await tus.handle(req.raw, reply.raw);
    } catch (err) {
      req.log.error({ err }, 'tus request failed');
      if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'application/json' });
      reply.raw.end(JSON.stringify(apiError('en', 'internal')));
    }
  };
  const methods = ['POST', 'HEAD', 'PATCH', 'OPTIONS', 'DELETE'];
  app.route({ method: methods, url: '/api/uploads', handler: handle, schema: { hide: true } });
  app.route({ method: methods, url: '/api/uploads/:id', handler: handle, schema: { hide: true } });
};
