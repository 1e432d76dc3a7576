// What a copy of record's PDF shows, read back from the stored submission (not a use case
// itself): the canonical JSON the signature binds holds the answers, attachments, statement,
// signer, time and IP; the rest is what signing read when it described the filing — the
// authority's name and, for an NEC recertification, its WDID and the dates of the original
// certification and of the last recertification before this one (the same facts loadNec
// gave recertifyNec). So the PDF rendered after commit is the one signing used to render.
import { storedCopyOfRecordSchema } from '../../documents/copy-of-record-document.ts';
import type { CopyOfRecordContent } from '../../documents/copy-of-record-pdf.ts';
import { notFound } from '../../domain/errors.ts';
import { describeFiling, type FilingDescription } from '../../domain/filings/filing-description.ts';
import { filingKinds, type FilingKind } from '../../domain/filings/filing-kinds.ts';
import { memberRoleLabels, type MemberRole } from '../../domain/permissions.ts';
import { necCertifications } from '../../domain/recertification/nec-recertification.ts';
import { describeRecertification } from '../../domain/recertification/recertification-description.ts';
import type { Db, Tx } from '../services.ts';

export interface StoredSubmission {
  id: string;
  filingId: string;
  organizationId: string;
  jurisdictionId: string;
  content: CopyOfRecordContent;
}

const isFilingKind = (value: string): value is FilingKind => (filingKinds as readonly string[]).includes(value);
const isMemberRole = (value: string): value is MemberRole => Object.hasOwn(memberRoleLabels, value);

/** The original NEC and the last recertification as they stood when `sequence` was signed. */
async function recertificationHistory(db: Db | Tx, filingId: string, sequence: number): Promise<{ originalCertifiedAt: Date; lastRecertifiedAt: Date | null }> {
  const earlier = await db
    .selectFrom('submissions')
    .select(['id', 'signed_at', 'purpose'])
    .where('filing_id', '=', filingId)
    .where('sequence', '<', sequence)
    .orderBy('sequence')
    .execute();
  const accepted = earlier.length
    ? await db
        .selectFrom('review_decisions')
        .select('submission_id')
        .where('filing_id', '=', filingId)
        .where('decision', '=', 'accepted')
        .where(
          'submission_id',
          'in',
          earlier.map((s) => s.id),
        )
        .orderBy('decided_at', 'desc')
        .executeTakeFirst()
    : undefined;
  const { original, lastRecertification: last } = necCertifications(earlier, accepted?.submission_id);
  if (!original) throw new Error(`Recertification ${filingId}#${sequence} has no original NEC before it.`);
  return { originalCertifiedAt: new Date(original.signed_at), lastRecertifiedAt: last ? new Date(last.signed_at) : null };
}

export async function loadCopyOfRecordContent(db: Db | Tx, submissionId: string): Promise<StoredSubmission> {
  const row = await db
    .selectFrom('submissions')
    .innerJoin('filings', 'filings.id', 'submissions.filing_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'filings.jurisdiction_id')
    .select([
      'submissions.id',
      'submissions.filing_id',
      'submissions.sequence',
      'submissions.canonical_json',
      'submissions.sha256',
      'submissions.purpose',
      'filings.organization_id',
      'filings.jurisdiction_id',
      'filings.permit_id',
      'jurisdictions.authority',
    ])
    .where('submissions.id', '=', submissionId)
    .executeTakeFirst();
  if (!row) throw notFound('The submission');
  const parsed = storedCopyOfRecordSchema.safeParse(JSON.parse(row.canonical_json));
  if (!parsed.success) throw new Error(`The copy of record of submission ${row.id} cannot be read back: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const copy = parsed.data;
  const kind = copy.filing.kind;
  if (!isFilingKind(kind)) throw new Error(`The copy of record of submission ${row.id} names an unknown filing kind: ${kind}`);
  if (!isMemberRole(copy.signer.role)) throw new Error(`The copy of record of submission ${row.id} names an unknown signer role: ${copy.signer.role}`);
  const jurisdictionId = copy.filing.jurisdictionId;

  let description: FilingDescription;
  if (row.purpose === 'recertification') {
    if (!copy.recertification) throw new Error(`The copy of record of recertification ${row.id} has no recertification data.`);
    const history = await recertificationHistory(db, row.filing_id, row.sequence);
    description = describeRecertification({
      jurisdictionId,
      permitId: row.permit_id,
      facilityName: copy.filing.facility.name,
      answers: copy.filing.answers,
      originalCertifiedAt: history.originalCertifiedAt,
      lastRecertifiedAt: history.lastRecertifiedAt,
      dueDate: copy.recertification.dueDate,
      statement: copy.certificationStatement,
    });
  } else {
    description = describeFiling(kind, copy.filing.answers, { jurisdictionId });
  }

  return {
    id: row.id,
    filingId: row.filing_id,
    organizationId: row.organization_id,
    jurisdictionId: row.jurisdiction_id,
    content: {
      title: description.title,
      sections: description.sections,
      attachments: copy.attachments,
      // The statement the signer certified, as the JSON holds it (describeFiling words it the same).
      certificationStatement: copy.certificationStatement,
      submissionId: copy.submissionId,
      sequence: copy.sequence,
      organizationName: copy.filing.organization.name,
      facilityName: copy.filing.facility.name,
      signer: { name: copy.signer.name, email: copy.signer.email, roleLabel: memberRoleLabels[copy.signer.role] },
      signedAt: new Date(copy.signedAt),
      signerIp: copy.signerIp,
      canonicalJson: row.canonical_json,
      sha256: row.sha256,
      authority: row.authority,
    },
  };
}
