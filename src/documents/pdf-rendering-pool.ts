// Renders copies of record on worker threads (pdf-rendering-worker.ts), so that a burst of
// signatures — the October 1 recertification spike — does not stall every other page behind
// pdfkit on the one event loop. Workers start on first use, stay for the process, and do
// not keep it alive when idle. OUTFALL_PDF_WORKERS=0 (or a failed worker start) renders in
// this thread instead; the bytes are the same either way (the PDF is deterministic).
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../module-worker.ts';
import { renderCopyOfRecordPdf, type CopyOfRecordContent } from './copy-of-record-pdf.ts';
import type { PdfJob, PdfJobResult } from './pdf-rendering-worker.ts';

interface Pending {
  resolve(pdf: Buffer): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

let workers: PoolWorker[] | null = null;
let nextId = 1;
let nextWorker = 0;

function workerCount(): number {
  const setting = process.env.OUTFALL_PDF_WORKERS;
  if (setting !== undefined && setting !== '') return Math.max(0, Math.min(8, Number.parseInt(setting, 10) || 0));
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

function startWorker(): PoolWorker {
  const worker = startModuleWorker(import.meta.url, 'pdf-rendering-worker');
  const entry: PoolWorker = { worker, pending: new Map() };
  worker.unref();
  worker.on('message', (result: PdfJobResult) => {
    const pending = entry.pending.get(result.id);
    if (!pending) return;
    entry.pending.delete(result.id);
    if (entry.pending.size === 0) worker.unref();
    if ('error' in result) pending.reject(new Error(`PDF rendering failed: ${result.error}`));
    else pending.resolve(Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength));
  });
  const fail = (error: Error) => {
    for (const pending of entry.pending.values()) pending.reject(error);
    entry.pending.clear();
    if (workers) workers = workers.filter((w) => w !== entry);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`The PDF worker stopped (exit code ${code}).`)));
  return entry;
}

function pickWorker(): PoolWorker | null {
  if (workerCount() === 0) return null;
  if (!workers || workers.length === 0) {
    try {
      workers = Array.from({ length: workerCount() }, startWorker);
    } catch {
      return null;
    }
  }
  const entry = workers[nextWorker++ % workers.length]!;
  return entry;
}

function renderOnWorker(job: PdfJob, inThisThread: () => Promise<Buffer>): Promise<Buffer> {
  const entry = pickWorker();
  if (!entry) return inThisThread();
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    entry.pending.set(id, { resolve, reject });
    entry.worker.ref();
    entry.worker.postMessage({ id, job });
  });
}

export function renderCopyOfRecordPdfInPool(content: CopyOfRecordContent): Promise<Buffer> {
  return renderOnWorker({ kind: 'copy-of-record', content }, () => renderCopyOfRecordPdf(content));
}
