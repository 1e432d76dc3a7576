// One filing as the reviewer sees it: read-only answers, the submissions and decisions,
// and the three decisions (accept; return or deny, each with reasons).
import { describeFiling } from '../../domain/filings/filing-description.ts';
import { filingKindLabels } from '../../domain/filings/filing-kinds.ts';
import type { FilingRecord } from '../../use-cases/review/filing-history.ts';
import { CsrfField } from './layout.tsx';
import { FilingHistoryList, FilingStatusSummary } from './filing-review-history.tsx';
import { ErrorSummary, SubmitButton, SuccessAlert, TextArea, type FormState } from './form-fields.tsx';

export const decisionFieldLabels: Record<string, string> = { 'return-reasons': 'Reasons for returning', 'deny-reasons': 'Reasons for denying' };

/** Every answer in words, section by section, with the law's labels (describeFiling). */
export function FilingAnswers(props: { record: FilingRecord }) {
  const { filing } = props.record;
  const description = describeFiling(filing.kind, filing.answers, { jurisdictionId: filing.jurisdictionId });
  if (description.sections.length === 0) return <p>No answers were recorded.</p>;
  return (
    <>
      {description.sections.map((section) => (
        <>
          <h3>{section.heading}</h3>
          <dl class="outfall-change-list">
            {section.items.map((item) => (
              <div>
                <dt>{item.label}</dt>
                <dd>{item.value}</dd>
              </div>
            ))}
          </dl>
        </>
      ))}
      <h3>Certification statement</h3>
      <p>{description.certificationStatement}</p>
    </>
  );
}

export function FilingReviewPage(props: { record: FilingRecord; form: FormState; csrfToken: string; notice?: string }) {
  const { record, form } = props;
  const { filing } = record;
  const action = (decision: string) => `/review/filings/${filing.id}/${decision}`;
  return (
    <>
      <h1>
        {filingKindLabels[filing.kind]}: {filing.facilityName}
      </h1>
      {props.notice ? <SuccessAlert>{props.notice}</SuccessAlert> : null}
      <ErrorSummary form={form} labels={decisionFieldLabels} />
      <FilingStatusSummary record={record} />
      <p>
        <a href="/review/filings">Back to the filings awaiting review</a>
      </p>
      <h2>Answers</h2>
      <FilingAnswers record={record} />
      <h2>Submissions and decisions</h2>
      <FilingHistoryList record={record} headingLevel="h3" />
      {filing.status === 'submitted' ? (
        <>
          <h2>Decision</h2>
          <h3>Accept</h3>
          <p>Accepting assigns the permit ID and the date coverage begins, and e-mails the organization.</p>
          <form method="post" action={action('accept')} class="usa-form">
            <CsrfField token={props.csrfToken} />
            <SubmitButton label="Accept and assign the permit ID" />
          </form>
          <h3>Return for correction</h3>
          <form method="post" action={action('return')} class="usa-form">
            <CsrfField token={props.csrfToken} />
            <TextArea form={form} name="return-reasons" label={decisionFieldLabels['return-reasons']!} hint="Say what to correct; the discharger sees this and signs again." />
            <SubmitButton label="Return with these reasons" secondary />
          </form>
          <h3>Deny</h3>
          <form method="post" action={action('deny')} class="usa-form">
            <CsrfField token={props.csrfToken} />
            <TextArea form={form} name="deny-reasons" label={decisionFieldLabels['deny-reasons']!} hint="A denial is final; the discharger sees these reasons." />
            <SubmitButton label="Deny with these reasons" secondary />
          </form>
        </>
      ) : null}
    </>
  );
}
