// A signed submission (copy of record) for its organization's members and the staff of its
// jurisdiction: the confirmation page and the PDF and JSON downloads. The PDF is rendered
// after the signature commits; a download that comes first renders it then.
import { precompiledQuery } from '../../db/precompiled-query.ts';
import { AppError } from '../../domain/errors.ts';
import { filingKindLabels, type FilingKind } from '../../domain/filings/filing-kinds.ts';
import { loadActorRoles, requireOrganizationOrStaff } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { renderCopyOfRecord } from './render-copy-of-record.ts';

export interface SubmissionView {
  id: string;
  filingId: string;
  kind: FilingKind;
  kindLabel: string;
  /** The filing's permit ID (WDID) once accepted. */
  permitId: string | null;
  sequence: number;
  organizationName: string;
  facilityName: string;
  signerName: string;
  signedAt: Date;
  sha256: string;
  /** Null until the PDF is rendered (shortly after signing, or at its first download). */
  pdfSha256: string | null;
  canonicalJson: string;
  pdf: Buffer | null;
}

// The confirmation page's read, built once (src/db/precompiled-query.ts).
const submissionQuery = precompiledQuery((db, { submissionId }: { submissionId: string }) =>
  db
    .selectFrom('submissions')
    .innerJoin('filings', 'filings.id', 'submissions.filing_id')
    .innerJoin('organizations', 'organizations.id', 'filings.organization_id')
    .innerJoin('facilities', 'facilities.id', 'filings.facility_id')
    .leftJoin('copy_of_record_pdfs', 'copy_of_record_pdfs.submission_id', 'submissions.id')
    .select([
      'submissions.id',
      'submissions.filing_id',
      'submissions.sequence',
      'submissions.signer_name',
      'submissions.signed_at',
      'submissions.sha256',
      'copy_of_record_pdfs.pdf_sha256',
      'submissions.canonical_json',
      'filings.kind',
      'filings.permit_id',
      'filings.organization_id',
      'filings.jurisdiction_id',
      'organizations.name as organizationName',
      'facilities.name as facilityName',
    ])
    .where('submissions.id', '=', submissionId),
);

export async function getSubmission(services: Services, options: { actor: Actor; submissionId: string; withPdf?: boolean }): Promise<SubmissionView> {
  const roles = await loadActorRoles(services.db, options.actor);
  if (!/^[0-9a-f-]{36}$/i.test(options.submissionId)) throw new AppError('not-found', 'There is no such submission.');
  const row = await submissionQuery.executeTakeFirst(services.db, { submissionId: options.submissionId });
  if (!row) throw new AppError('not-found', 'There is no such submission.');
  requireOrganizationOrStaff(roles, { id: row.organization_id, jurisdictionId: row.jurisdiction_id }, 'filing.view', 'organization.view-any');
  // The stored PDF, or rendered now if its job has not run yet: a download never fails.
  const rendered = options.withPdf ? await renderCopyOfRecord(services, { submissionId: row.id }) : null;
  return {
    id: row.id,
    filingId: row.filing_id,
    kind: row.kind,
    kindLabel: filingKindLabels[row.kind],
    permitId: row.permit_id,
    sequence: row.sequence,
    organizationName: row.organizationName,
    facilityName: row.facilityName,
    signerName: row.signer_name,
    signedAt: new Date(row.signed_at),
    sha256: row.sha256,
    pdfSha256: rendered?.pdfSha256 ?? row.pdf_sha256,
    canonicalJson: row.canonical_json,
    pdf: rendered?.pdf ?? null,
  };
}
