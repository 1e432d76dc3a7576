// The PDFs Outfall writes (the Electronic Signature Agreement, copies of record): PDF/A,
// tagged, with Public Sans embedded so a reader decades from now renders exactly what the
// signer saw (no reliance on the viewer's standard fonts). The creation date is the
// document's own date, not the wall clock, so the same input gives the same bytes.
import { createRequire } from 'node:module';
import path from 'node:path';
// pdfkit is loaded on first use, not at start-up (it is a quarter of a second to load).
import type PDFKitModule from 'pdfkit';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('@uswds/uswds')), '..', 'fonts', 'public-sans');
export const regularFont = path.join(fontDir, 'PublicSans-Regular.ttf');
export const boldFont = path.join(fontDir, 'PublicSans-Bold.ttf');

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  createdAt: Date;
  /** Plain text in the document information (e.g. the hash, so a byte search finds it). */
  keywords?: string;
  /**
   * PDF/A-3b when the PDF carries a non-PDF file (the copy of record's JSON): PDF/A-2
   * allows only PDF/A attachments.
   */
  conformance?: 'PDF/A-2b' | 'PDF/A-3b';
}

export type Pdf = PDFKit.PDFDocument;

export async function createPdf(metadata: PdfMetadata): Promise<Pdf> {
  const { default: PDFDocument } = (await import('pdfkit')) as { default: typeof PDFKitModule };
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    subset: metadata.conformance ?? 'PDF/A-2b',
    tagged: true,
    lang: 'en-US',
    displayTitle: true,
    // Passing the font here keeps pdfkit from loading Helvetica (a non-embedded standard font).
    font: regularFont,
    size: 'LETTER',
    margins: { top: 60, bottom: 72, left: 60, right: 60 },
    bufferPages: true,
    info: { Title: metadata.title, Author: metadata.author, Subject: metadata.subject, Keywords: metadata.keywords ?? '', CreationDate: metadata.createdAt, ModDate: metadata.createdAt },
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('regular', regularFont);
  doc.registerFont('bold', boldFont);
  doc.font('regular');
  return doc;
}

export function heading(doc: Pdf, text: string, size = 14): void {
  doc.moveDown(0.6).font('bold').fontSize(size).text(text).font('regular').fontSize(10).moveDown(0.3);
}

export function paragraph(doc: Pdf, text: string): void {
  doc.font('regular').fontSize(10).text(text, { align: 'left' }).moveDown(0.4);
}

export function labelledValue(doc: Pdf, label: string, value: string): void {
  doc.font('bold').fontSize(10).text(label);
  doc.font('regular').fontSize(10).text(value === '' ? '—' : value, { indent: 12 }).moveDown(0.3);
}

/** Writes a footer on every page (call after all content, with bufferPages on). */
export function footerOnEveryPage(doc: Pdf, footer: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7.5)
      .text(footer(i + 1, range.count), doc.page.margins.left, doc.page.height - 50, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        lineBreak: true,
      });
    doc.page.margins.bottom = bottom;
  }
}

export function finishPdf(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
