// The copy of record's data, as canonical JSON (sorted keys, no whitespace): its SHA-256 is
// what the signer's signature binds, and what `outfall verify` and /verify recompute.
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../domain/canonical-json.ts';

export interface CopyOfRecordData {
  submissionId: string;
  filing: {
    id: string;
    kind: string;
    schemaVersion: number;
    jurisdictionId: string;
    organization: { id: string; name: string };
    facility: { id: string; name: string };
    answers: Record<string, unknown>;
  };
  attachments: { fileName: string; contentType: string; byteSize: number; sha256: string }[];
  certificationStatement: string;
  signer: { userId: string; name: string; email: string; role: string };
  signedAt: string;
  signerIp: string | null;
  sequence: number;
  /** Present on an NEC recertification only (absent keys leave older copies' hashes alone). */
  purpose?: 'recertification';
  recertification?: { dueDate: string; lastCertified: string; answers: Record<string, string> } | undefined;
}

export const COPY_OF_RECORD_TYPE = 'outfall.copy-of-record';

export function copyOfRecordJson(data: CopyOfRecordData): { json: string; sha256: string } {
  const json = canonicalJson({ schemaVersion: 1, type: COPY_OF_RECORD_TYPE, ...data });
  return { json, sha256: sha256Hex(json) };
}

/** A stored copy of record read back (its PDF is rendered from it after signing). */
export const storedCopyOfRecordSchema = z.object({
  schemaVersion: z.literal(1),
  type: z.literal(COPY_OF_RECORD_TYPE),
  submissionId: z.string(),
  filing: z.object({
    id: z.string(),
    kind: z.string(),
    schemaVersion: z.number(),
    jurisdictionId: z.string(),
    organization: z.object({ id: z.string(), name: z.string() }),
    facility: z.object({ id: z.string(), name: z.string() }),
    answers: z.record(z.string(), z.unknown()),
  }),
  attachments: z.array(z.object({ fileName: z.string(), contentType: z.string(), byteSize: z.number(), sha256: z.string() })),
  certificationStatement: z.string(),
  signer: z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.string() }),
  signedAt: z.string(),
  signerIp: z.string().nullable(),
  sequence: z.number(),
  purpose: z.literal('recertification').optional(),
  recertification: z.object({ dueDate: z.string(), lastCertified: z.string(), answers: z.record(z.string(), z.string()) }).optional(),
});

export type StoredCopyOfRecord = z.output<typeof storedCopyOfRecordSchema>;
