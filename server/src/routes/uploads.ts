// tus 1.0.0 resumable uploads at /api/uploads (creation, creation-with-upload, termination).
// Parts land in DATA_DIR/uploads; when the last byte arrives the attachment service checks the
// SHA-256 declared in Upload-Metadata and moves the file into the blob store before the final
// 204 is sent, so "upload finished" means "stored durably". Nothing of a failed upload is kept.
import { chmod, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server, Upload } from '@tus/server';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { apiError } from '../http/errors.ts';
import { UploadMetadata, type AttachmentService } from '../services/attachments.ts';

export interface UploadRouteOptions {
  attachments: AttachmentService;
  uploadsDir: string;
  maxBytes: number;
  /** Unfinished uploads expire this long after they began (tus expiration); the purge removes them. */
  expireAfterMs?: number;
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

/**
 * Uploads that were completed and stored, by tus id. Their parts are gone from the upload area,
 * so tus alone would answer a HEAD with 404; a phone whose last answer was lost on the way
 * asks exactly that, and a 404 makes it send the whole photo again over 2G. This answers
 * "complete" instead. In memory and bounded: after a restart the rare late HEAD re-sends,
 * which is still correct (storing an intact attachment twice changes nothing).
 */
class FinishedUploads {
  private readonly lengths = new Map<string, number>();
  constructor(private readonly max = 10_000) {}
  add(id: string, length: number) {
    this.lengths.set(id, length);
    if (this.lengths.size > this.max) this.lengths.delete(this.lengths.keys().next().value!);
  }
  length(id: string): number | undefined {
    return this.lengths.get(id);
  }
}

/** 460 is the tus checksum extension's "Checksum Mismatch"; clients do not retry it. */
const CHECKSUM_MISMATCH = 460;

/**
 * FileStore's constructor starts an un-awaited mkdir whose callback throws (a TODO in its
 * source): if the data directory vanished meanwhile the process would crash. buildApp has
 * already created the directory synchronously, so that check is switched off.
 */
class UploadStore extends FileStore {
  /** Set by the route: uploads already moved into the blob store. */
  finished?: FinishedUploads;

  // With expiration on, tus looks the upload up once more after the last byte to decide on
  // Upload-Expires; by then a finished upload is stored and its part gone, so it is answered
  // as complete (no header) instead of a 404 that would make the phone send it again.
  override async getUpload(id: string): Promise<Upload> {
    try {
      return await super.getUpload(id);
    } catch (e) {
      const length = this.finished?.length(id);
      if (length === undefined) throw e;
      return new Upload({ id, size: length, offset: length });
    }
  }

  // A part and its metadata (file name, dossier id) are people's data: server's user only.
  override async create(upload: Upload): Promise<Upload> {
    const made = await super.create(upload);
    await chmod(join(this.directory, upload.id), 0o600);
    await chmod(join(this.directory, `${upload.id}.json`), 0o600);
    return made;
  }
}
(UploadStore.prototype as unknown as { checkOrCreateDirectory(): void }).checkOrCreateDirectory = () => undefined;

export const uploadRoutes: FastifyPluginAsync<UploadRouteOptions> = async (app, { attachments, uploadsDir, maxBytes, expireAfterMs }) => {
  const datastore = new UploadStore({ directory: uploadsDir, expirationPeriodInMilliseconds: expireAfterMs });
  const finished = new FinishedUploads();
  datastore.finished = finished;

  /** Drops an upload's bytes and its tus metadata file; either may already be gone. */
  const discard = async (id: string) => {
    await rm(join(uploadsDir, id), { force: true });
    await datastore.configstore.delete(id).catch(() => undefined);
  };

  const tus = new Server({
    path: '/api/uploads',
    datastore,
    maxSize: maxBytes,
    relativeLocation: true,
    allowedOrigins: [], // the PWA is same-origin; no cross-site uploads
    disableTerminationForFinishedUploads: true,
    // Seam (Scale): several API processes need a shared locker (held in PostgreSQL) and shared
    // upload storage; the in-memory default is right for one process.
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
        outcome = await attachments.adopt(meta, join(uploadsDir, upload.id), upload.size ?? upload.offset);
      } catch (e) {
        app.log.error({ err: e, upload: upload.id }, 'storing an upload failed');
        // Without the upload a retrying client finds 404 and starts afresh, instead of
        // believing a complete-but-unstored upload is done.
        await discard(upload.id);
        throw refuse(500, 'internal');
      }
      await discard(upload.id);
      if (outcome.ok) {
        finished.add(upload.id, upload.size ?? upload.offset);
        return {};
      }
      if (outcome.error === 'checksum_mismatch') throw refuse(CHECKSUM_MISMATCH, 'corrupt_upload');
      throw refuse(422, 'attachment_conflict');
    },
  });

  // Leave the body stream untouched: @tus/server reads it from the raw request.
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));

  const handle = async (req: FastifyRequest<{ Params: { id?: string } }>, reply: FastifyReply) => {
    const done = req.method === 'HEAD' && req.params.id ? finished.length(req.params.id) : undefined;
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
