// Attachments as plain files under DATA_DIR/files/<first two characters of the id>/<id>.<hash
// prefix>; the two-character level keeps directories small. Durability: fsync the file, rename it into place
// (atomic), then fsync the directory so the rename itself survives a power cut.
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { blobKeyFor, type BlobStore } from './blob-store.ts';

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch (e) {
    // Windows cannot fsync a directory; its rename is already durable enough there.
    if (process.platform !== 'win32') throw e;
  } finally {
    await handle.close();
  }
}

export class FileBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  keyFor(attachmentId: string, sha256: string): string {
    return blobKeyFor(attachmentId, sha256);
  }

  /** Absolute path of a key; refuses keys that would leave the root. */
  pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (relative(this.root, path).startsWith('..') || !path.startsWith(this.root + sep)) {
      throw new Error(`blob key outside the store: ${key}`);
    }
    return path;
  }

  async adopt(key: string, fromPath: string): Promise<void> {
    const target = this.pathOf(key);
    const dir = dirname(target);
    const created = await mkdir(dir, { recursive: true, mode: 0o700 });
    // Pages are photos of ID cards: readable by the server's user only, whatever the umask.
    await chmod(fromPath, 0o600);
    await fsyncPath(fromPath);
    try {
      await rename(fromPath, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      // Uploads on another file system: copy, make the copy durable, then drop the original.
      const tmp = `${target}.${process.pid}.tmp`;
      await copyFile(fromPath, tmp);
      await chmod(tmp, 0o600);
      await fsyncPath(tmp);
      await rename(tmp, target);
      await unlink(fromPath);
    }
    await fsyncPath(dir);
    if (created) await fsyncPath(this.root);
  }

  async size(key: string): Promise<number | undefined> {
    try {
      const s = await stat(this.pathOf(key));
      return s.isFile() ? s.size : undefined;
    } catch {
      return undefined;
    }
  }

  read(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

export const filesDir = (dataDir: string) => join(dataDir, 'files');
