import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MemoryContentStore, type ContentStore } from '../../src/storage/content-store.ts';
import { FileContentStore } from '../../src/storage/file-content-store.ts';

describe('content stores', () => {
  let dataDir = '';
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'outfall-store-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  const stores: [string, () => ContentStore][] = [
    ['file', () => new FileContentStore(dataDir)],
    ['memory', () => new MemoryContentStore()],
  ];
  for (const [name, make] of stores) {
    it(`${name}: stores by SHA-256, reads back the same bytes, and knows nothing of other hashes`, async () => {
      const store = make();
      const bytes = Buffer.from('%PDF-1.7 site map');
      const expected = createHash('sha256').update(bytes).digest('hex');
      assert.deepEqual(await store.put(bytes), { sha256: expected });
      assert.deepEqual(await store.put(bytes), { sha256: expected }, 'the same content twice is one entry');
      assert.deepEqual(await store.get(expected), bytes);
      assert.equal(await store.get('0'.repeat(64)), null);
      assert.equal(await store.get('../../etc/passwd'), null);
    });
  }

  it('file: lays content out as attachments/ab/cd/<sha256> with no temporary files left', async () => {
    const bytes = Buffer.from('another map');
    const { sha256 } = await new FileContentStore(dataDir).put(bytes);
    const folder = path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256.slice(2, 4));
    assert.deepEqual(await readdir(folder), [sha256]);
  });
});
