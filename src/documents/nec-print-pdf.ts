// An NEC print as PDF/A-2b: the NEC in words, its certification statement, and at the
// bottom the date the SMARTS guide (note 4) asks for — the recertification date on the
// current NEC, the original submittal date on the Original NEC.
import type { NecPrint } from '../domain/recertification/recertification-description.ts';
import { createPdf, finishPdf, footerOnEveryPage, heading, labelledValue, paragraph } from './pdf-document.ts';

export async function renderNecPrintPdf(print: NecPrint, options: { authority: string; printedAt: Date }): Promise<Buffer> {
  const doc = await createPdf({
    title: `${print.title} — ${print.facilityName}${print.permitId ? ` — WDID ${print.permitId}` : ''}`,
    author: print.organizationName,
    subject: `No Exposure Certification on file with ${options.authority}`,
    createdAt: options.printedAt,
    conformance: 'PDF/A-2b',
    keywords: `NEC ${print.permitId ?? ''} ${print.version}`,
  });
  doc.font('bold').fontSize(18).text(print.title);
  paragraph(doc, `${print.organizationName}, ${print.facilityName}`);
  labelledValue(doc, 'WDID', print.permitId ?? 'not assigned');
  for (const section of print.description.sections) {
    heading(doc, section.heading);
    for (const item of section.items) labelledValue(doc, item.label, item.value);
  }
  heading(doc, 'Certification');
  paragraph(doc, print.description.certificationStatement);
  heading(doc, print.dateLine.label);
  labelledValue(doc, print.dateLine.label, print.dateLine.value);
  footerOnEveryPage(doc, (page, pages) => `${print.title} — ${print.dateLine.label}: ${print.dateLine.value} — page ${page} of ${pages}`);
  return finishPdf(doc);
}
