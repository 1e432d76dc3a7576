// Is this file an authentic, unaltered copy of record? Anyone may ask (no account): a PDF
// is matched by the SHA-256 of its bytes among the rendered PDFs (copy_of_record_pdfs: a
// PDF anyone holds was rendered and stored first); a JSON copy must be canonical (the exact
// bytes stored) and its SHA-256 must match. The answer names what the copy is.
import { canonicalJson, sha256Hex } from '../../domain/canonical-json.ts';
import { filingKindLabels, type FilingKind } from '../../domain/filings/filing-kinds.ts';
import type { Db } from '../services.ts';

export type CopyVerdict =
  | { outcome: 'authentic'; format: 'pdf' | 'json'; sha256: string; submission: VerifiedSubmission }
  | { outcome: 'not-authentic'; format: 'pdf' | 'json'; sha256: string; reason: string }
  | { outcome: 'unreadable'; reason: string };

export interface VerifiedSubmission {
  id: string;
  kindLabel: string;
  facilityName: string;
  organizationName: string;
  signerName: string;
  signedAt: Date;
  sequence: number;
  sha256: string;
}

function findSubmission(db: Db, by: 'sha256' | 'pdf_sha256', hash: string) {
  const query = db
    .selectFrom('submissions')
    .innerJoin('filings', 'filings.id', 'submissions.filing_id')
    .innerJoin('organizations', 'organizations.id', 'filings.organization_id')
    .innerJoin('facilities', 'facilities.id', 'filings.facility_id')
    .select([
      'submissions.id',
      'submissions.sequence',
      'submissions.signer_name',
      'submissions.signed_at',
      'submissions.sha256',
      'submissions.canonical_json',
      'filings.kind',
      'organizations.name as organizationName',
      'facilities.name as facilityName',
    ]);
  return by === 'sha256'
    ? query.where('submissions.sha256', '=', hash).executeTakeFirst()
    : query.innerJoin('copy_of_record_pdfs', 'copy_of_record_pdfs.submission_id', 'submissions.id').where('copy_of_record_pdfs.pdf_sha256', '=', hash).executeTakeFirst();
}

export async function verifyCopyOfRecord(services: { db: Db }, options: { content: Buffer }): Promise<CopyVerdict> {
  const content = options.content;
  if (content.length === 0) return { outcome: 'unreadable', reason: 'The file is empty.' };
  const isPdf = content.subarray(0, 5).toString('latin1') === '%PDF-';
  let row;
  let sha256: string;
  if (isPdf) {
    sha256 = sha256Hex(content);
    row = await findSubmission(services.db, 'pdf_sha256', sha256);
    if (!row) return { outcome: 'not-authentic', format: 'pdf', sha256, reason: 'No copy of record has this exact PDF: the file was changed, or it is not a copy of record issued here.' };
  } else {
    const text = content.toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { outcome: 'unreadable', reason: 'The file is neither a PDF nor JSON.' };
    }
    sha256 = sha256Hex(canonicalJson(parsed));
    row = await findSubmission(services.db, 'sha256', sha256);
    if (!row) return { outcome: 'not-authentic', format: 'json', sha256, reason: 'No copy of record has this content: the data was changed, or it is not a copy of record issued here.' };
    if (row.canonical_json !== text) {
      return { outcome: 'not-authentic', format: 'json', sha256, reason: 'The data matches a copy of record, but the file is not byte for byte the canonical copy (it was reformatted or edited).' };
    }
  }
  return {
    outcome: 'authentic',
    format: isPdf ? 'pdf' : 'json',
    sha256,
    submission: {
      id: row.id,
      kindLabel: filingKindLabels[row.kind as FilingKind],
      facilityName: row.facilityName,
      organizationName: row.organizationName,
      signerName: row.signer_name,
      signedAt: new Date(row.signed_at),
      sequence: row.sequence,
      sha256: row.sha256,
    },
  };
}
