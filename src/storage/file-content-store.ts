// Attachments on disk under `<dataDir>/attachments/ab/cd/<sha256>`: two levels of fan-out
// keep directories small. A file is written to a temporary name and renamed, so a reader
// never sees half a file; the same content written twice is one file.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isSha256, sha256Of, type ContentStore } from './content-store.ts';

export class FileContentStore implements ContentStore {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'attachments');
  }

  private pathFor(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Buffer): Promise<{ sha256: string }> {
    const sha256 = sha256Of(bytes);
    const target = this.pathFor(sha256);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomUUID()}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    }
    return { sha256 };
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!isSha256(sha256)) return null;
    try {
      return await readFile(this.pathFor(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
