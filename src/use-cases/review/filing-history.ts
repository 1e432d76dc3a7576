// A filing's submissions and review decisions in order: what the reviewer sees beside the
// filing, and what the discharger sees as the filing's history.
import { notFound } from '../../domain/errors.ts';
import type { FilingKind, FilingStatus } from '../../domain/filings/filing-kinds.ts';
import type { Db } from '../services.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FilingSummary {
  id: string;
  kind: FilingKind;
  status: FilingStatus;
  answers: Record<string, unknown>;
  organizationId: string;
  organizationName: string;
  facilityId: string;
  facilityName: string;
  facilityCounty: string;
  jurisdictionId: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
  permitId: string | null;
  coverageStart: string | null;
}

export interface SubmissionEntry {
  submissionId: string;
  sequence: number;
  signerName: string;
  signedAt: Date;
  sha256: string;
}

export interface DecisionEntry {
  submissionId: string;
  submissionSequence: number;
  decision: 'accepted' | 'returned' | 'denied';
  reasons: string | null;
  decidedByName: string;
  decidedAt: Date;
}

export type FilingHistoryEntry = ({ type: 'submission' } & SubmissionEntry) | ({ type: 'decision' } & DecisionEntry);

export interface FilingRecord {
  filing: FilingSummary;
  submissions: SubmissionEntry[];
  decisions: DecisionEntry[];
  /** Submissions and decisions together, oldest first. */
  history: FilingHistoryEntry[];
}

export async function loadFilingRecord(db: Db, filingId: string): Promise<FilingRecord> {
  if (!uuidPattern.test(filingId)) throw notFound('The filing');
  const row = await db
    .selectFrom('filings')
    .innerJoin('organizations', 'organizations.id', 'filings.organization_id')
    .innerJoin('facilities', 'facilities.id', 'filings.facility_id')
    .select([
      'filings.id',
      'filings.kind',
      'filings.status',
      'filings.answers',
      'filings.organization_id',
      'organizations.name as organization_name',
      'filings.facility_id',
      'facilities.name as facility_name',
      'facilities.county',
      'filings.jurisdiction_id',
      'filings.submitted_at',
      'filings.decided_at',
      'filings.permit_id',
      'filings.coverage_start',
    ])
    .where('filings.id', '=', filingId)
    .executeTakeFirst();
  if (!row) throw notFound('The filing');
  const [submissionRows, decisionRows] = await Promise.all([
    db
      .selectFrom('submissions')
      .select(['id', 'sequence', 'signer_name', 'signed_at', 'sha256'])
      .where('filing_id', '=', filingId)
      .orderBy('sequence')
      .execute(),
    db
      .selectFrom('review_decisions')
      .innerJoin('submissions', 'submissions.id', 'review_decisions.submission_id')
      .innerJoin('users', 'users.id', 'review_decisions.decided_by')
      .select(['review_decisions.submission_id', 'submissions.sequence', 'review_decisions.decision', 'review_decisions.reasons', 'users.name', 'review_decisions.decided_at'])
      .where('review_decisions.filing_id', '=', filingId)
      .orderBy('review_decisions.decided_at')
      .execute(),
  ]);
  const submissions: SubmissionEntry[] = submissionRows.map((s) => ({
    submissionId: s.id,
    sequence: s.sequence,
    signerName: s.signer_name,
    signedAt: new Date(s.signed_at),
    sha256: s.sha256,
  }));
  const decisions: DecisionEntry[] = decisionRows.map((d) => ({
    submissionId: d.submission_id,
    submissionSequence: d.sequence,
    decision: d.decision,
    reasons: d.reasons,
    decidedByName: d.name,
    decidedAt: new Date(d.decided_at),
  }));
  // A decision follows the submission it decides, even when clocks tie.
  const history: FilingHistoryEntry[] = [];
  for (const submission of submissions) {
    history.push({ type: 'submission', ...submission });
    for (const decision of decisions.filter((d) => d.submissionId === submission.submissionId)) history.push({ type: 'decision', ...decision });
  }
  return {
    filing: {
      id: row.id,
      kind: row.kind,
      status: row.status,
      answers: typeof row.answers === 'string' ? (JSON.parse(row.answers) as Record<string, unknown>) : row.answers,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      facilityId: row.facility_id,
      facilityName: row.facility_name,
      facilityCounty: row.county,
      jurisdictionId: row.jurisdiction_id,
      submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
      decidedAt: row.decided_at ? new Date(row.decided_at) : null,
      permitId: row.permit_id,
      coverageStart: row.coverage_start ? String(row.coverage_start).slice(0, 10) : null,
    },
    submissions,
    decisions,
    history,
  };
}
