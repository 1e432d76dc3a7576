// A worker thread that renders PDFs for the pool in pdf-rendering-pool.ts. pdfkit and
// fontkit are CPU work (tens of milliseconds a document); here they run beside the event
// loop that answers requests instead of on it.
import { parentPort } from 'node:worker_threads';
import { renderCopyOfRecordPdf, type CopyOfRecordContent } from './copy-of-record-pdf.ts';

export type PdfJob = { kind: 'copy-of-record'; content: CopyOfRecordContent };

export type PdfJobResult = { id: number; pdf: Uint8Array } | { id: number; error: string };

async function render(job: PdfJob): Promise<Buffer> {
  switch (job.kind) {
    case 'copy-of-record':
      return renderCopyOfRecordPdf(job.content);
  }
}

parentPort?.on('message', (message: { id: number; job: PdfJob }) => {
  render(message.job).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
      parentPort!.postMessage({ id: message.id, pdf: bytes } satisfies PdfJobResult, [bytes.buffer]);
    },
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies PdfJobResult),
  );
});
