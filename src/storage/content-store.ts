// Content-addressed storage for attachments: bytes are stored once under their SHA-256 and
// read back by it. The file store keeps them under the data directory; another store (S3
// compatible) can take its place without the use cases noticing.
import { createHash } from 'node:crypto';

export interface ContentStore {
  put(bytes: Buffer): Promise<{ sha256: string }>;
  get(sha256: string): Promise<Buffer | null>;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function isSha256(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(text);
}

/** For tests and short-lived tools: holds the content in memory. */
export class MemoryContentStore implements ContentStore {
  private readonly contents = new Map<string, Buffer>();

  async put(bytes: Buffer): Promise<{ sha256: string }> {
    const sha256 = sha256Of(bytes);
    this.contents.set(sha256, Buffer.from(bytes));
    return { sha256 };
  }

  async get(sha256: string): Promise<Buffer | null> {
    return this.contents.get(sha256) ?? null;
  }
}
