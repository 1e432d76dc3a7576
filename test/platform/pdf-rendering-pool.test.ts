// Copies of record render on worker threads; the bytes must be exactly those the event loop
// would make (the PDF's SHA-256 is part of the record), several at once included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderCopyOfRecordPdf, type CopyOfRecordContent } from '../../src/documents/copy-of-record-pdf.ts';
import { renderCopyOfRecordPdfInPool } from '../../src/documents/pdf-rendering-pool.ts';
import { sha256Hex } from '../../src/domain/canonical-json.ts';

function content(n: number): CopyOfRecordContent {
  const canonicalJson = JSON.stringify({ n });
  return {
    title: 'No Exposure Certification',
    sections: [{ heading: 'The facility (§512-30 B(7)(d)[2])', items: [{ label: 'Facility name', value: `Mill ${n}` }] }],
    attachments: [],
    certificationStatement: 'I certify under penalty of law …',
    submissionId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    sequence: 1,
    organizationName: 'Sawmill Co.',
    facilityName: `Mill ${n}`,
    signer: { name: 'Lena Waukau', email: 'lrp@example.test', roleLabel: 'Legally Responsible Person' },
    signedAt: new Date('2026-11-22T15:00:00Z'),
    signerIp: '127.0.0.1',
    canonicalJson,
    sha256: sha256Hex(canonicalJson),
    authority: 'Menominee Indian Tribe of Wisconsin',
  };
}

describe('rendering copies of record on worker threads', () => {
  it('gives the same bytes as rendering on the event loop, five at once', async () => {
    const inputs = [1, 2, 3, 4, 5].map(content);
    const pooled = await Promise.all(inputs.map((c) => renderCopyOfRecordPdfInPool(c)));
    const local = await Promise.all(inputs.map((c) => renderCopyOfRecordPdf(c)));
    assert.deepEqual(pooled.map((pdf) => sha256Hex(pdf)), local.map((pdf) => sha256Hex(pdf)));
    assert.equal(new Set(pooled.map((pdf) => sha256Hex(pdf))).size, 5);
    assert.ok(pooled.every((pdf) => pdf.subarray(0, 5).toString('latin1') === '%PDF-'));
  });

  it('renders the same bytes as before fonts and word layouts were shared, with the caches warm or cold', async () => {
    // The SHA-256 of content(7) as pdfkit rendered it when each document parsed Public Sans
    // itself (before src/documents/pdf-document.ts shared the parsed fonts and layouts).
    const before = 'edbdbaf1ae2f53c5cdb7f08181b7a255ec63d3df734039a8e10cb19e96b9d620';
    const first = sha256Hex(await renderCopyOfRecordPdf(content(7)));
    await Promise.all([8, 9, 10].map((n) => renderCopyOfRecordPdf(content(n))));
    const again = sha256Hex(await renderCopyOfRecordPdf(content(7)));
    assert.equal(first, before);
    assert.equal(again, before);
  });
});
