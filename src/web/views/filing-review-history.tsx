// A filing's history (each submission with its copy of record, each decision with its
// reasons), shown to the reviewer and to the discharger, and the page the discharger sees.
import { filingKindLabels, filingStatusLabels } from '../../domain/filings/filing-kinds.ts';
import type { FilingRecord } from '../../use-cases/review/filing-history.ts';

const decisionLabels = { accepted: 'Accepted', returned: 'Returned for correction', denied: 'Denied' } as const;

/** "2026-11-22 15:00 UTC": the same for every reader. */
export function formatWhen(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function FilingStatusSummary(props: { record: FilingRecord }) {
  const { filing } = props.record;
  return (
    <dl class="outfall-change-list">
      <div>
        <dt>Status</dt>
        <dd>{filingStatusLabels[filing.status]}</dd>
      </div>
      <div>
        <dt>Facility</dt>
        <dd>{filing.facilityName}</dd>
      </div>
      <div>
        <dt>Organization</dt>
        <dd>{filing.organizationName}</dd>
      </div>
      {filing.permitId ? (
        <div>
          <dt>Permit ID</dt>
          <dd>{filing.permitId}</dd>
        </div>
      ) : null}
      {filing.coverageStart ? (
        <div>
          <dt>Coverage begins</dt>
          <dd>{filing.coverageStart}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export function FilingHistoryList(props: { record: FilingRecord; headingLevel: 'h2' | 'h3' }) {
  const Heading = props.headingLevel;
  if (props.record.history.length === 0) return <p>This filing has not been signed and submitted yet.</p>;
  return (
    <ol class="usa-process-list">
      {props.record.history.map((entry) =>
        entry.type === 'submission' ? (
          <li class="usa-process-list__item">
            <Heading class="usa-process-list__heading">
              Submission {entry.sequence}, signed {formatWhen(entry.signedAt)}
            </Heading>
            <p>
              Signed by {entry.signerName}. SHA-256 <code class="outfall-hash">{entry.sha256}</code>.{' '}
              <a href={`/submissions/${entry.submissionId}/copy-of-record.pdf`}>Copy of record (PDF) of submission {entry.sequence}</a>
            </p>
          </li>
        ) : (
          <li class="usa-process-list__item">
            <Heading class="usa-process-list__heading">
              {decisionLabels[entry.decision]} (submission {entry.submissionSequence}), {formatWhen(entry.decidedAt)}
            </Heading>
            <p>Decided by {entry.decidedByName}.</p>
            {entry.reasons ? (
              <>
                <p>Reasons:</p>
                <blockquote>
                  {entry.reasons.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => (
                    <p>{line}</p>
                  ))}
                </blockquote>
              </>
            ) : null}
          </li>
        ),
      )}
    </ol>
  );
}

export function FilingHistoryPage(props: { record: FilingRecord }) {
  const { filing } = props.record;
  return (
    <>
      <h1>
        History of the {filingKindLabels[filing.kind]} for {filing.facilityName}
      </h1>
      <FilingStatusSummary record={props.record} />
      <p>
        <a href={`/filings/${filing.id}`}>Open the filing</a>
      </p>
      <h2>Submissions and decisions</h2>
      <FilingHistoryList record={props.record} headingLevel="h3" />
    </>
  );
}
