// The PDFs Outfall writes (the Electronic Signature Agreement, copies of record): PDF/A,
// tagged, with Public Sans embedded so a reader decades from now renders exactly what the
// signer saw (no reliance on the viewer's standard fonts). The creation date is the
// document's own date, not the wall clock, so the same input gives the same bytes.
import { readFileSync } from 'node:fs';
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

interface ParsedFonts {
  regular: PDFKit.Mixins.PDFFontSource;
  bold: PDFKit.Mixins.PDFFontSource;
}

let parsedFonts: Promise<ParsedFonts> | null = null;

/**
 * Public Sans, parsed once per process (or worker thread). Given a file, pdfkit parses the
 * font anew for every document — and, for a name registered after the constructor's default
 * font, on every switch back to it — which was most of a copy of record's time (the October
 * 1 spike: docs/performance.md). The parsed font keeps the tables and glyph layouts it has
 * decoded; each document still embeds its own subset, so the bytes do not change.
 */
function publicSans(): Promise<ParsedFonts> {
  parsedFonts ??= import('fontkit').then(({ create }) => ({
    regular: create(readFileSync(regularFont)) as unknown as PDFKit.Mixins.PDFFontSource,
    bold: create(readFileSync(boldFont)) as unknown as PDFKit.Mixins.PDFFontSource,
  }));
  return parsedFonts;
}

/** What pdfkit keeps of a font in one document: its word layouts, by word. */
interface DocumentFont {
  layoutCache?: Record<string, unknown>;
}

const layoutCacheDocuments = 500;
let sharedLayouts = { regular: Object.create(null) as Record<string, unknown>, bold: Object.create(null) as Record<string, unknown>, documents: 0 };

/**
 * Gives the document's current font the process's word layouts. pdfkit lays out (shapes)
 * every word with fontkit and caches it per document; the same labels, statements and
 * questions recur in every copy of record, so the cache is shared, and started afresh every
 * 500 documents to bound its size (names, addresses and hashes are new words each time).
 * A layout depends on the font and the word only; pdfkit reads it and does not change it
 * (it adds word spacing only to justified text, which no Outfall PDF uses).
 */
function shareLayouts(doc: Pdf, font: 'regular' | 'bold'): void {
  if (font === 'regular' && ++sharedLayouts.documents > layoutCacheDocuments) {
    sharedLayouts = { regular: Object.create(null), bold: Object.create(null), documents: 1 };
  }
  const current = (doc as unknown as { _font?: DocumentFont })._font;
  if (current?.layoutCache) current.layoutCache = sharedLayouts[font];
}

export async function createPdf(metadata: PdfMetadata): Promise<Pdf> {
  const { default: PDFDocument } = (await import('pdfkit')) as { default: typeof PDFKitModule };
  const fonts = await publicSans();
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    subset: metadata.conformance ?? 'PDF/A-2b',
    tagged: true,
    lang: 'en-US',
    displayTitle: true,
    // Passing the font here keeps pdfkit from loading Helvetica (a non-embedded standard font).
    font: fonts.regular,
    size: 'LETTER',
    margins: { top: 60, bottom: 72, left: 60, right: 60 },
    bufferPages: true,
    info: { Title: metadata.title, Author: metadata.author, Subject: metadata.subject, Keywords: metadata.keywords ?? '', CreationDate: metadata.createdAt, ModDate: metadata.createdAt },
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  // In this order pdfkit numbers the fonts as it did before they were shared (regular F1,
  // bold F3), so a document renders to the same bytes as before.
  shareLayouts(doc.font('regular'), 'regular');
  shareLayouts(doc.font('bold'), 'bold');
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
