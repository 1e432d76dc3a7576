// The questionnaire's last page: the answer in plain words, each finding with the section
// of law that decided it, the deadlines, and what to file next.
import type { Assessment, DeadlineKind } from '../../domain/assessment/assessment-types.ts';
import type { RulePack } from '../../domain/rule-packs/rule-pack.ts';

const deadlineLabels: Record<DeadlineKind, string> = {
  noi: 'Submit the Notice of Intent by',
  'operator-change-noi': 'The new operator submits a Notice of Intent by',
  'coverage-start': 'Permit coverage can begin on',
  'nec-recertification': 'Recertify no exposure by',
  'records-retention': 'Keep permit records until at least',
};

function headline(assessment: Assessment, pack: RulePack): string {
  if (assessment.permitRequired) return `Yes: you need permit coverage. File ${pack.filingNames[assessment.coverage]}.`;
  if (assessment.coverage === 'nec') return `No permit, if you certify no exposure: file ${pack.filingNames.nec}.`;
  if (assessment.exempt) return 'No: the site is exempt from applying for a stormwater permit.';
  return 'No: the site does not need stormwater permit coverage.';
}

function nextFiling(assessment: Assessment): string | null {
  if (assessment.coverage === 'noi-construction') return 'Start a construction Notice of Intent';
  if (assessment.coverage === 'noi-nonconstruction') return 'Start a Notice of Intent';
  if (assessment.coverage === 'nec') return 'Start a No Exposure Certification';
  return null;
}

export function AssessmentResult(props: { assessment: Assessment; pack: RulePack }) {
  const { assessment, pack } = props;
  const filing = nextFiling(assessment);
  return (
    <div class="usa-prose">
      <h1>Do I need a permit?</h1>
      <div class={`usa-alert ${assessment.permitRequired ? 'usa-alert--warning' : 'usa-alert--success'}`} role="status">
        <div class="usa-alert__body">
          <h2 class="usa-alert__heading">{headline(assessment, pack)}</h2>
          <p class="usa-alert__text">
            Under the rules of {pack.name}, as of {assessment.asOf}.
          </p>
        </div>
      </div>

      <h2>Why</h2>
      <ul class="usa-list outfall-findings">
        {assessment.findings.map((finding) => (
          <li>
            {finding.text} <cite>({finding.citation})</cite>
          </li>
        ))}
      </ul>

      {assessment.deadlines.length > 0 ? (
        <>
          <h2>Deadlines</h2>
          <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Table, scrolls sideways on narrow screens">
            <table class="usa-table usa-table--borderless usa-table--stacked">
              <caption>Your dates, from the answers you gave</caption>
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">Date</th>
                  <th scope="col">Law</th>
                </tr>
              </thead>
              <tbody>
                {assessment.deadlines.map((deadline) => (
                  <tr>
                    <th scope="row" data-label="What">
                      {deadlineLabels[deadline.kind]}
                    </th>
                    <td data-label="Date">{deadline.due}</td>
                    <td data-label="Law">{deadline.citation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <h2>What to file next</h2>
      {filing ? (
        <div class="usa-summary-box">
          <div class="usa-summary-box__body">
            <h3 class="usa-summary-box__heading">{filing}</h3>
            <p>
              You will file {pack.filingNames[assessment.coverage]}. Online filing is coming soon to Outfall; until then, file it the way the
              permitting authority tells you. <a href="/register">Create an account</a> now to be ready.
            </p>
          </div>
        </div>
      ) : (
        <p>Nothing to file now. If the site changes (more land disturbed, new activities, materials exposed to rain), answer again.</p>
      )}
      <p>
        This answer applies the law to the facts you gave; it is not a decision of the permitting authority.{' '}
        <a href="/assessment">Start again</a>
      </p>
    </div>
  );
}
