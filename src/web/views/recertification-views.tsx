// NEC recertification as the SMARTS guide walks it, with its labels: the "Recertification"
// menu, "Industrial", the list of NECs pending recertification by WDID, the recertify page
// (details, the eleven questions, the statement, the signature, "Recertify"), the
// confirmation with "Print", and what happens when a question is answered Yes.
import { recertificationStateLabels } from '../../domain/recertification/recertification-schedule.ts';
import type { NecRecertificationState } from '../../use-cases/recertification/nec-recertification-states.ts';
import type { RecertificationPreparation } from '../../use-cases/recertification/prepare-recertification.ts';
import { CsrfField } from './layout.tsx';
import { Checkbox, ErrorSummary, InfoAlert, SuccessAlert, TextInput, YesNo, type FormState } from './form-fields.tsx';

const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

export function RecertificationMenuPage() {
  return (
    <>
      <h1>Recertification</h1>
      <p>Recertify a No Exposure Certification (NEC) by its due date to keep the no exposure exclusion.</p>
      <ul class="usa-list">
        <li>
          <a href="/recertification/industrial">Industrial</a>
        </li>
      </ul>
    </>
  );
}

export function PendingRecertificationsPage(props: { rows: NecRecertificationState[] }) {
  return (
    <>
      <h1>Industrial: NECs pending recertification</h1>
      <p>Only No Exposure Certifications that are pending recertification are listed. Select a WDID to recertify it.</p>
      {props.rows.length === 0 ? (
        <InfoAlert heading="Nothing to recertify">
          <p>None of your organizations' No Exposure Certifications is pending recertification now. You will be e-mailed 90, 30, 7 and 1 days before one is due.</p>
        </InfoAlert>
      ) : (
        <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="NECs pending recertification, scrolls sideways on narrow screens">
          <table class="usa-table usa-table--borderless">
            <caption>NECs pending recertification</caption>
            <thead>
              <tr>
                <th scope="col">WDID</th>
                <th scope="col">Facility</th>
                <th scope="col">Organization</th>
                <th scope="col">Due date</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <th scope="row">
                    <a href={`/recertification/industrial/${row.filingId}`}>{row.permitId ?? 'WDID not assigned'}</a>
                  </th>
                  <td>{row.facilityName}</td>
                  <td>{row.organizationName}</td>
                  <td>{row.dueDate}</td>
                  <td>{recertificationStateLabels[row.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export const recertifyFieldLabels = (p: RecertificationPreparation): Record<string, string> => ({
  ...Object.fromEntries(p.questions.map((q) => [q.field, `Question ${q.number}`])),
  certify: 'Certification',
  password: 'Password',
  securityAnswer: 'Security question',
});

function NecDetails(props: { p: RecertificationPreparation }) {
  const { p } = props;
  return (
    <section aria-labelledby="nec-details">
      <h2 id="nec-details">NEC details</h2>
      <dl class="outfall-answers">
        <dt>WDID</dt>
        <dd>{p.permitId ?? 'not assigned'}</dd>
        <dt>Facility</dt>
        <dd>
          {p.facilityName}
          {p.facilityAddress ? `, ${p.facilityAddress}` : ''}
        </dd>
        <dt>Discharger</dt>
        <dd>
          {p.dischargerName}
          {p.dischargerAddress ? `, ${p.dischargerAddress}` : ''}
        </dd>
        <dt>Original certification date</dt>
        <dd>{utcDay(p.originalCertifiedAt)}</dd>
        <dt>Last recertification</dt>
        <dd>{p.lastRecertifiedAt ? utcDay(p.lastRecertifiedAt) : 'None yet'}</dd>
        <dt>Recertification due by</dt>
        <dd>
          {p.dueDate} ({recertificationStateLabels[p.state]})
        </dd>
      </dl>
    </section>
  );
}

function EAuthorizationMissing(props: { organizationId: string; message: string }) {
  return (
    <div class="usa-alert usa-alert--warning" role="alert">
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading">No eAuthorization on file: you cannot recertify yet</h2>
        <p class="usa-alert__text">{props.message}</p>
        <p class="usa-alert__text">
          To get one: open your organization's <a href={`/organizations/${props.organizationId}/e-authorization`}>Electronic Signature Agreement</a> (also linked from
          your profile under each of your organizations; you need one for every organization), print it, sign it by hand in blue ink and mail the original to the
          address on the form. Once the authority has received and recorded it, you will get an e-mail saying you can certify documents.
        </p>
      </div>
    </div>
  );
}

export function RecertifyPage(props: { preparation: RecertificationPreparation; form: FormState; csrfToken: string }) {
  const { preparation: p, form } = props;
  const canSubmit = p.refusal === null && p.securityQuestion !== null;
  return (
    <>
      <h1>Recertify NEC {p.permitId ?? ''}</h1>
      <p>{p.facilityName}</p>
      <ErrorSummary form={form} labels={recertifyFieldLabels(p)} />
      {p.refusal?.reason === 'e-authorization' ? <EAuthorizationMissing organizationId={p.organizationId} message={p.refusal.message} /> : null}
      {p.refusal && p.refusal.reason !== 'e-authorization' ? (
        <InfoAlert heading="You cannot recertify this NEC">
          <p>{p.refusal.message}</p>
        </InfoAlert>
      ) : null}
      <NecDetails p={p} />
      <form method="post" action={`/recertification/industrial/${p.filingId}`} novalidate>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
        <input type="hidden" name="securitySlot" value={String(p.securityQuestion?.slot ?? '')} />
        <fieldset class="usa-fieldset" disabled={!canSubmit}>
          <legend class="usa-legend usa-legend--large">Checklist: are any of these exposed to precipitation, now or in the foreseeable future?</legend>
          <p class="usa-hint">Answer each of the 11 questions (§512-30 B(7)(d)[3]). Any "Yes" means the facility no longer qualifies for the no exposure exclusion.</p>
          {p.questions.map((q) => (
            <YesNo form={form} name={q.field} label={`${q.number}. ${q.text}`} hint={q.citation} />
          ))}
        </fieldset>
        <h2>Recertification statement</h2>
        <blockquote class="outfall-certification">{p.statement}</blockquote>
        <fieldset class="usa-fieldset" disabled={!canSubmit}>
          <legend class="usa-legend usa-legend--large">Your electronic signature</legend>
          <Checkbox form={form} name="certify" label="I certify, under penalty of law, the recertification statement above." />
          <TextInput form={form} name="password" label="Your password" type="password" autocomplete="current-password" />
          <TextInput form={form} name="securityAnswer" label={p.securityQuestion?.text ?? 'Security question'} hint="The answer you gave when you registered." autocomplete="off" />
          <button type="submit" class="usa-button">
            Recertify
          </button>
        </fieldset>
      </form>
      <p>
        <a href="/recertification/industrial">Back to the NECs pending recertification</a>
      </p>
    </>
  );
}

export function ExposedPage(props: { preparation: RecertificationPreparation; exposed: string[]; csrfToken: string }) {
  const { preparation: p } = props;
  const exposedQuestions = p.questions.filter((q) => props.exposed.includes(q.key));
  return (
    <>
      <h1>This NEC cannot be recertified</h1>
      <div class="usa-alert usa-alert--warning" role="alert">
        <div class="usa-alert__body">
          <h2 class="usa-alert__heading">The facility is exposed</h2>
          <p class="usa-alert__text">
            You answered Yes to {exposedQuestions.length === 1 ? 'a question' : `${exposedQuestions.length} questions`}: industrial materials or activities at {p.facilityName}{' '}
            are, or will be, exposed to precipitation. The no exposure exclusion no longer applies, and the facility's stormwater discharges need coverage under a
            Notice of Intent (NOI) before the change; a discharge without it is an unpermitted discharge (§512-30 B(7)(c)[3]).
          </p>
        </div>
      </div>
      <h2>Exposed</h2>
      <ul class="usa-list">
        {exposedQuestions.map((q) => (
          <li>
            {q.number}. {q.text} ({q.citation})
          </li>
        ))}
      </ul>
      <h2>Next step: apply for NOI coverage</h2>
      <p>Start the Notice of Intent now; the facility's and the discharger's details are filled in from your records. Nothing was recertified or signed.</p>
      <form method="post" action={`/facilities/${p.facilityId}/filings`}>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="kind" value="noi-nonconstruction" />
        <button type="submit" class="usa-button">
          Start the Notice of Intent
        </button>
      </form>
      <p>
        <a href={`/recertification/industrial/${p.filingId}`}>Go back and change your answers</a>
      </p>
    </>
  );
}

export function RecertifiedPage(props: { filingId: string; permitId: string | null; facilityName: string; submissionId: string; sha256: string; signedAt: Date; justSigned: boolean }) {
  return (
    <>
      <h1>NEC recertified</h1>
      {props.justSigned ? (
        <SuccessAlert heading="Recertification submitted">
          The No Exposure Certification {props.permitId ?? ''} of {props.facilityName} is recertified. An acknowledgment was e-mailed to you and to the organization's other
          Legally Responsible Persons.
        </SuccessAlert>
      ) : null}
      <dl class="outfall-answers">
        <dt>WDID</dt>
        <dd>{props.permitId ?? 'not assigned'}</dd>
        <dt>Facility</dt>
        <dd>{props.facilityName}</dd>
        <dt>Recertified at (UTC)</dt>
        <dd>{props.signedAt.toISOString()}</dd>
        <dt>Submission ID</dt>
        <dd>{props.submissionId}</dd>
        <dt>SHA-256 of the copy of record</dt>
        <dd>
          <code class="outfall-hash">{props.sha256}</code>
        </dd>
      </dl>
      <p>
        <a class="usa-button" href={`/filings/${props.filingId}/print`}>
          Print
        </a>
      </p>
      <ul class="usa-list">
        <li>
          <a href={`/submissions/${props.submissionId}`}>The copy of record of this recertification</a>
        </li>
        <li>
          <a href="/recertification/industrial">Back to the NECs pending recertification</a>
        </li>
      </ul>
    </>
  );
}
