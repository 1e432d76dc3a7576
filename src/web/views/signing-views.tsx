// The signing page (the whole filing read-only, the certification statement, the
// credential challenge) and the submission's confirmation page.
import type { FieldError } from '../../domain/errors.ts';
import type { SubmissionView } from '../../use-cases/copies-of-record/get-submission.ts';
import type { SigningPreparation } from '../../use-cases/signing/prepare-signing.ts';
import { DescriptionSections } from './filing-description-view.tsx';
import { CsrfField } from './layout.tsx';
import { Checkbox, ErrorSummary, InfoAlert, SuccessAlert, TextInput, type FormState } from './form-fields.tsx';

export const signingFieldLabels: Record<string, string> = {
  certify: 'Certification',
  password: 'Password',
  securityAnswer: 'Security question',
};

function Incomplete(props: { filingId: string; errors: FieldError[] }) {
  return (
    <div class="usa-alert usa-alert--error" role="alert">
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading">This filing is not complete</h2>
        <p class="usa-alert__text">Correct these answers, then come back to sign:</p>
        <ul class="usa-list">
          {props.errors.map((e) => (
            <li>{e.message}</li>
          ))}
        </ul>
        <p class="usa-alert__text">
          <a href={`/filings/${props.filingId}`}>Go back to the filing to correct it</a>
        </p>
      </div>
    </div>
  );
}

export function SigningPage(props: { preparation: SigningPreparation; form: FormState; csrfToken: string }) {
  const { preparation: p, form } = props;
  const formErrors = form.errors.filter((e) => !e.path.startsWith('answers.'));
  const answerErrors = form.errors.filter((e) => e.path.startsWith('answers.'));
  const incomplete = answerErrors.length > 0 ? answerErrors : p.incomplete;
  const canSign = p.refusal === null && incomplete.length === 0 && p.securityQuestion !== null;
  return (
    <>
      <h1>Sign: {p.description.title}</h1>
      <p>
        {p.facilityName}, {p.organizationName}
      </p>
      <ErrorSummary form={{ values: form.values, errors: formErrors }} labels={signingFieldLabels} />
      {p.refusal ? (
        <InfoAlert heading="You cannot sign this filing">
          <p>{p.refusal.message}</p>
          {p.refusal.reason === 'e-authorization' ? (
            <p>
              <a href={`/organizations/${p.organizationId}/e-authorization`}>How to get an electronic signature agreement on record</a>
            </p>
          ) : null}
        </InfoAlert>
      ) : null}
      {incomplete.length > 0 ? <Incomplete filingId={p.filingId} errors={incomplete} /> : null}
      <h2>What you are signing</h2>
      <p>Read the whole filing. You cannot change it here.</p>
      <DescriptionSections sections={p.description.sections} headingLevel="h3" />
      <h3>Attachments</h3>
      {p.attachments.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="usa-list">
          {p.attachments.map((a) => (
            <li>
              {a.fileName} ({a.contentType}, {a.byteSize} bytes, SHA-256 <code class="outfall-hash">{a.sha256}</code>)
            </li>
          ))}
        </ul>
      )}
      <h2>Certification</h2>
      <blockquote class="outfall-certification">{p.description.certificationStatement}</blockquote>
      <form method="post" action={`/filings/${p.filingId}/sign`} novalidate>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
        <input type="hidden" name="securitySlot" value={String(p.securityQuestion?.slot ?? '')} />
        <fieldset class="usa-fieldset" disabled={!canSign}>
          <legend class="usa-legend usa-legend--large">Your electronic signature</legend>
          <Checkbox form={form} name="certify" label="I certify, under penalty of law, the statement above, and I sign this filing electronically." />
          <TextInput form={form} name="password" label="Your password" type="password" autocomplete="current-password" />
          <TextInput
            form={form}
            name="securityAnswer"
            label={p.securityQuestion?.text ?? 'Security question'}
            hint="The answer you gave when you registered."
            autocomplete="off"
          />
          <button type="submit" class="usa-button">
            Sign and submit
          </button>
        </fieldset>
      </form>
      <p>
        <a href={`/filings/${p.filingId}`}>Back to the filing</a>
      </p>
    </>
  );
}

export function SubmissionPage(props: { submission: SubmissionView; justSigned: boolean }) {
  const s = props.submission;
  return (
    <>
      <h1>
        {s.kindLabel}: submitted
      </h1>
      {props.justSigned ? (
        <SuccessAlert heading="Signed and submitted">
          An acknowledgment with the submission ID and its hash was e-mailed to you and to the organization's other Legally Responsible Persons.
        </SuccessAlert>
      ) : null}
      <dl class="outfall-answers">
        <dt>Submission ID</dt>
        <dd>{s.id}</dd>
        <dt>Facility</dt>
        <dd>
          {s.facilityName}, {s.organizationName}
        </dd>
        <dt>Signed by</dt>
        <dd>{s.signerName}</dd>
        <dt>Signed at (UTC)</dt>
        <dd>{s.signedAt.toISOString()}</dd>
        <dt>Submission number for this filing</dt>
        <dd>{String(s.sequence)}</dd>
        <dt>SHA-256 of the copy of record</dt>
        <dd>
          <code class="outfall-hash">{s.sha256}</code>
        </dd>
      </dl>
      <h2>Copy of record</h2>
      <p>Keep a copy. Anyone can check that a copy is authentic and unaltered on the verification page.</p>
      <ul class="usa-list">
        <li>
          <a href={`/submissions/${s.id}/copy-of-record.pdf`}>Download the copy of record (PDF)</a>
        </li>
        <li>
          <a href={`/submissions/${s.id}/copy-of-record.json`}>Download its data (canonical JSON)</a>
        </li>
        <li>
          <a href="/verify">Verify a copy of record</a>
        </li>
      </ul>
    </>
  );
}
