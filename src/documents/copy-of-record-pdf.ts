// The copy of record a person reads: every answer as describeFiling words it, the
// attachments with their hashes, the certification statement, the signer, the date and
// time, and the SHA-256 of the canonical JSON on every page. The canonical JSON itself is
// embedded as a file, so the PDF carries the data it was made from.
import { createPdf, finishPdf, footerOnEveryPage, heading, labelledValue, paragraph } from './pdf-document.ts';

export interface CopyOfRecordContent {
  title: string;
  sections: { heading: string; items: { label: string; value: string }[] }[];
  attachments: { fileName: string; contentType: string; byteSize: number; sha256: string }[];
  certificationStatement: string;
  submissionId: string;
  sequence: number;
  organizationName: string;
  facilityName: string;
  signer: { name: string; email: string; roleLabel: string };
  signedAt: Date;
  signerIp: string | null;
  canonicalJson: string;
  sha256: string;
  authority: string;
}

export async function renderCopyOfRecordPdf(content: CopyOfRecordContent): Promise<Buffer> {
  const doc = await createPdf({
    title: `${content.title} — ${content.facilityName} — copy of record ${content.submissionId}`,
    author: content.signer.name,
    subject: `Copy of record submitted to ${content.authority}`,
    createdAt: content.signedAt,
    conformance: 'PDF/A-3b',
    keywords: `submission ${content.submissionId} sha256 ${content.sha256}`,
  });
  doc.font('bold').fontSize(18).text(content.title);
  paragraph(doc, `Copy of record — ${content.organizationName}, ${content.facilityName}`);
  labelledValue(doc, 'Submission ID', content.submissionId);
  labelledValue(doc, 'Submission number for this filing', String(content.sequence));
  for (const section of content.sections) {
    heading(doc, section.heading);
    for (const item of section.items) labelledValue(doc, item.label, item.value);
  }
  heading(doc, 'Attachments');
  if (content.attachments.length === 0) paragraph(doc, 'None.');
  for (const a of content.attachments) labelledValue(doc, a.fileName, `${a.contentType}, ${a.byteSize} bytes, SHA-256 ${a.sha256}`);
  heading(doc, 'Certification');
  paragraph(doc, content.certificationStatement);
  heading(doc, 'Electronic signature');
  labelledValue(doc, 'Signed by', `${content.signer.name} (${content.signer.email}), ${content.signer.roleLabel}`);
  labelledValue(doc, 'Signed at (UTC)', content.signedAt.toISOString());
  labelledValue(doc, 'Signed from IP address', content.signerIp ?? 'not recorded');
  labelledValue(doc, 'SHA-256 of the canonical JSON', content.sha256);
  paragraph(
    doc,
    'The canonical JSON of this submission is attached to this PDF (copy-of-record.json). Anyone can check this copy with `outfall verify` or on the authority\'s /verify page.',
  );
  doc.file(Buffer.from(content.canonicalJson, 'utf8'), {
    name: 'copy-of-record.json',
    type: 'application/json',
    description: 'Canonical JSON of the signed submission',
    relationship: 'Data',
    creationDate: content.signedAt,
    modifiedDate: content.signedAt,
  } as PDFKit.Mixins.PDFAttachmentOptions);
  footerOnEveryPage(doc, (page, pages) => `Submission ${content.submissionId} — SHA-256 ${content.sha256} — page ${page} of ${pages}`);
  return finishPdf(doc);
}
