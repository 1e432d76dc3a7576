// What a filing accepts as an attachment: PDF, PNG or JPEG, recognized by the bytes
// themselves (a renamed file is not trusted by its name or the browser's word), up to a size
// limit.
export type AttachmentContentType = 'application/pdf' | 'image/png' | 'image/jpeg';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const signatures: { type: AttachmentContentType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

export function detectContentType(bytes: Uint8Array): AttachmentContentType | null {
  return signatures.find((s) => s.bytes.every((b, i) => bytes[i] === b))?.type ?? null;
}

/** The problem with a file, in words for the person uploading it; null when acceptable. */
export function attachmentProblem(bytes: Uint8Array, maxBytes = MAX_ATTACHMENT_BYTES): string | null {
  if (bytes.length === 0) return 'Choose a file to upload';
  if (bytes.length > maxBytes) return `The file must be ${Math.round(maxBytes / 1024 / 1024)} MB or smaller`;
  if (!detectContentType(bytes)) return 'The file must be a PDF, PNG or JPEG';
  return null;
}

/** A file name safe to show and to offer for download: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>]/g, '').trim().slice(0, 200);
  return cleaned || 'attachment';
}

/** Attachments a kind needs before it can be signed: the nonconstruction NOI's site map (§512-30 B(1)(a)). */
export function missingAttachments(kind: string, attachments: readonly { purpose: string }[]): { path: string; message: string }[] {
  if (kind === 'noi-nonconstruction' && !attachments.some((a) => a.purpose === 'site-map')) {
    return [{ path: 'site-map', message: 'Upload a site map (§512-30 B(1)(a))' }];
  }
  return [];
}
