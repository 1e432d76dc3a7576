// The public verification page: upload a copy of record (PDF or JSON) and learn whether it
// is authentic and unaltered, and what it is.
import type { CopyVerdict } from '../../use-cases/copies-of-record/verify-copy-of-record.ts';
import { CsrfField } from './layout.tsx';

export const MAX_VERIFY_BYTES = 5 * 1024 * 1024;

function Verdict(props: { verdict: CopyVerdict }) {
  const v = props.verdict;
  if (v.outcome === 'authentic') {
    const s = v.submission;
    return (
      <div class="usa-alert usa-alert--success" role="status">
        <div class="usa-alert__body">
          <h2 class="usa-alert__heading">Authentic and unaltered</h2>
          <p class="usa-alert__text">This {v.format === 'pdf' ? 'PDF' : 'JSON file'} is exactly the copy of record issued for this submission.</p>
          <dl class="outfall-answers">
            <dt>What it is</dt>
            <dd>{s.kindLabel}</dd>
            <dt>Facility</dt>
            <dd>{s.facilityName}</dd>
            <dt>Organization</dt>
            <dd>{s.organizationName}</dd>
            <dt>Signed by</dt>
            <dd>{s.signerName}</dd>
            <dt>Signed at (UTC)</dt>
            <dd>{s.signedAt.toISOString()}</dd>
            <dt>Submission ID</dt>
            <dd>{s.id}</dd>
            <dt>SHA-256 of the copy of record</dt>
            <dd>
              <code class="outfall-hash">{s.sha256}</code>
            </dd>
          </dl>
        </div>
      </div>
    );
  }
  return (
    <div class="usa-alert usa-alert--error" role="alert">
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading">{v.outcome === 'unreadable' ? 'This file cannot be read' : 'Not an authentic copy of record'}</h2>
        <p class="usa-alert__text">{v.reason}</p>
      </div>
    </div>
  );
}

export function VerifyPage(props: { csrfToken: string; verdict?: CopyVerdict; problem?: string }) {
  return (
    <>
      <h1>Verify a copy of record</h1>
      <p>Upload a copy of record (the PDF or its JSON data) to check that it is authentic and has not been changed. No account is needed.</p>
      {props.verdict ? <Verdict verdict={props.verdict} /> : null}
      {props.problem ? (
        <div class="usa-alert usa-alert--error" role="alert">
          <div class="usa-alert__body">
            <h2 class="usa-alert__heading">There is a problem</h2>
            <p class="usa-alert__text">{props.problem}</p>
          </div>
        </div>
      ) : null}
      <form method="post" action="/verify" enctype="multipart/form-data">
        <CsrfField token={props.csrfToken} />
        <div class="usa-form-group">
          <label class="usa-label" for="file">
            Copy of record (PDF or JSON)
          </label>
          <span class="usa-hint" id="file-hint">
            Up to 5 MB.
          </span>
          <input class="usa-file-input" id="file" name="file" type="file" accept=".pdf,.json,application/pdf,application/json" aria-describedby="file-hint" required />
        </div>
        <button type="submit" class="usa-button">
          Verify
        </button>
      </form>
    </>
  );
}
