// A signed submission (copy of record) for its organization's members and the staff of its
// jurisdiction: the confirmation page and the PDF and JSON downloads.
import { AppError } from '../../domain/errors.ts';
import { filingKindLabels, type FilingKind } from '../../domain/filings/filing-kinds.ts';
import { loadActorRoles, requireOrganizationOrStaff } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';

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
  pdfSha256: string;
  canonicalJson: string;
  pdf: Buffer | null;
}

export async function getSubmission(services: Services, options: { actor: Actor; submissionId: string; withPdf?: boolean }): Promise<SubmissionView> {
  const roles = await loadActorRoles(services.db, options.actor);
  if (!/^[0-9a-f-]{36}$/i.test(options.submissionId)) throw new AppError('not-found', 'There is no such submission.');
  const row = await services.db
    .selectFrom('submissions')
    .innerJoin('filings', 'filings.id', 'submissions.filing_id')
    .innerJoin('organizations', 'organizations.id', 'filings.organization_id')
    .innerJoin('facilities', 'facilities.id', 'filings.facility_id')
    .select([
      'submissions.id',
      'submissions.filing_id',
      'submissions.sequence',
      'submissions.signer_name',
      'submissions.signed_at',
      'submissions.sha256',
      'submissions.pdf_sha256',
      'submissions.canonical_json',
      'filings.kind',
      'filings.permit_id',
      'filings.organization_id',
      'filings.jurisdiction_id',
      'organizations.name as organizationName',
      'facilities.name as facilityName',
    ])
    .where('submissions.id', '=', options.submissionId)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'There is no such submission.');
  requireOrganizationOrStaff(roles, { id: row.organization_id, jurisdictionId: row.jurisdiction_id }, 'filing.view', 'organization.view-any');
  const pdf = options.withPdf
    ? (await services.db.selectFrom('submissions').select('pdf').where('id', '=', row.id).executeTakeFirstOrThrow()).pdf
    : null;
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
    pdfSha256: row.pdf_sha256,
    canonicalJson: row.canonical_json,
    pdf: pdf ? Buffer.from(pdf) : null,
  };
}
