// The copy of record's data, as canonical JSON (sorted keys, no whitespace): its SHA-256 is
// what the signer's signature binds, and what `outfall verify` and /verify recompute.
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
