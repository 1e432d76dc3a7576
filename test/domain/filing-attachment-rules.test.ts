import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachmentProblem, cleanFileName, detectContentType, MAX_ATTACHMENT_BYTES, missingAttachments } from '../../src/domain/filings/attachment-rules.ts';

const bytes = (...head: number[]) => Buffer.concat([Buffer.from(head), Buffer.from('rest of the file')]);

describe('attachment rules', () => {
  const cases = [
    { name: 'a PDF', file: Buffer.from('%PDF-1.7\n...'), type: 'application/pdf', problem: null },
    { name: 'a PNG', file: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), type: 'image/png', problem: null },
    { name: 'a JPEG', file: bytes(0xff, 0xd8, 0xff, 0xe0), type: 'image/jpeg', problem: null },
    { name: 'a GIF', file: Buffer.from('GIF89a....'), type: null, problem: /PDF, PNG or JPEG/ },
    { name: 'text named .pdf', file: Buffer.from('PDF-1.7 but not really'), type: null, problem: /PDF, PNG or JPEG/ },
    { name: 'an empty file', file: Buffer.alloc(0), type: null, problem: /Choose a file/ },
    { name: 'a PDF at the limit', file: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(MAX_ATTACHMENT_BYTES - 5)]), type: 'application/pdf', problem: null },
    { name: 'a PDF one byte over the limit', file: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(MAX_ATTACHMENT_BYTES - 4)]), type: 'application/pdf', problem: /10 MB or smaller/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(detectContentType(c.file), c.type);
      const problem = attachmentProblem(c.file);
      if (c.problem) assert.match(problem ?? '', c.problem);
      else assert.equal(problem, null);
    });
  }

  it('keeps only the base name, without control characters', () => {
    assert.equal(cleanFileName('C:\\maps\\site "map".pdf'), 'site map.pdf');
    assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
    assert.equal(cleanFileName(''), 'attachment');
  });
});

describe('attachments a filing needs', () => {
  const cases = [
    { kind: 'noi-nonconstruction', attachments: [], missing: ['site-map'] },
    { kind: 'noi-nonconstruction', attachments: [{ purpose: 'site-map' }], missing: [] },
    { kind: 'nec', attachments: [], missing: [] },
    { kind: 'noi-construction', attachments: [], missing: [] },
  ];
  for (const c of cases) {
    it(`${c.kind} with ${c.attachments.length} site map(s) misses ${c.missing.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(missingAttachments(c.kind, c.attachments).map((m) => m.path), c.missing);
    });
  }
});
