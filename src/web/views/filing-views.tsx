// The organization's filings, starting a filing for a facility, and the review of a draft's
// answers before signing.
import type { Child } from 'hono/jsx';
import type { Assessment } from '../../domain/assessment/assessment-types.ts';
import type { FieldError } from '../../domain/errors.ts';
import type { FilingDescription } from '../../domain/filings/filing-description.ts';
import { filingKindLabels, filingKinds, type FilingKind } from '../../domain/filings/filing-kinds.ts';
import type { FilingListItem } from '../../use-cases/filings/list-filings.ts';
import { InfoAlert, SubmitButton, SuccessAlert } from './form-fields.tsx';
import { ApplicabilityFindings } from './filing-step-view.tsx';
import { CsrfField } from './layout.tsx';

const tableRegion = { class: 'outfall-table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Table, scrolls sideways on narrow screens' } as const;

export function FilingListPage(props: { filings: FilingListItem[]; facilities: { id: string; name: string }[] }) {
  return (
    <>
      <h1>Filings</h1>
      {props.facilities.length > 0 ? (
        <>
          <h2>Start a filing</h2>
          <ul class="usa-list">
            {props.facilities.map((f) => (
              <li>
                <a href={`/facilities/${f.id}/filings/new`}>Start a filing for {f.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.filings.length === 0 ? (
        <p>There are no filings yet.</p>
      ) : (
        <div {...tableRegion}>
          <h2>Your filings</h2>
          <table class="usa-table usa-table--borderless">
            <caption>Your organizations' filings</caption>
            <thead>
              <tr>
                <th scope="col">Filing</th>
                <th scope="col">Facility</th>
                <th scope="col">Status</th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {props.filings.map((f) => (
                <tr>
                  <th scope="row">
                    <a href={`/filings/${f.id}`}>{f.kindLabel}</a>
                  </th>
                  <td>{f.facilityName}</td>
                  <td>
                    {f.statusLabel}
                    {f.permitId ? ` (${f.permitId})` : ''}
                  </td>
                  <td>{f.updatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function StartFilingPage(props: {
  facilityId: string;
  facilityName: string;
  csrfToken: string;
  assessment: Assessment | null;
  selectedKind?: FilingKind;
  refusal?: FieldError;
}) {
  return (
    <>
      <h1>Start a filing for {props.facilityName}</h1>
      {props.refusal ? (
        <div class="usa-alert usa-alert--error" role="alert" id="error-summary">
          <div class="usa-alert__body">
            <h2 class="usa-alert__heading">This filing cannot be started</h2>
            <p class="usa-alert__text">{props.refusal.message}</p>
          </div>
        </div>
      ) : null}
      <form method="post" action={`/facilities/${props.facilityId}/filings`} class="usa-form usa-form--large">
        <CsrfField token={props.csrfToken} />
        <fieldset class="usa-fieldset">
          <legend class="usa-legend">Which filing?</legend>
          {filingKinds.map((kind) => (
            <div class="usa-radio">
              <input class="usa-radio__input" id={`kind-${kind}`} type="radio" name="kind" value={kind} checked={props.selectedKind === kind} />
              <label class="usa-radio__label" for={`kind-${kind}`}>
                {filingKindLabels[kind]}
              </label>
            </div>
          ))}
        </fieldset>
        <SubmitButton label="Start the filing" />
      </form>
      <ApplicabilityFindings assessment={props.assessment} />
    </>
  );
}

export function FilingReviewPage(props: {
  filingId: string;
  description: FilingDescription;
  facilityName: string;
  statusLabel: string;
  isEditable: boolean;
  isComplete: boolean;
  missingCount: number;
  attachments: { fileName: string; sha256: string }[];
  /** The kind takes a site map (nonconstruction NOI). */
  needsSiteMap: boolean;
  assessment: Assessment | null;
  notice?: string;
  /** An accepted NEC's tabs (its Print tab). */
  tabs?: Child;
}) {
  const d = props.description;
  return (
    <>
      <h1>
        {d.title}: {props.facilityName}
      </h1>
      {props.tabs ?? null}
      {props.notice ? <SuccessAlert>{props.notice}</SuccessAlert> : null}
      <p>Status: {props.statusLabel}</p>
      {props.isEditable && !props.isComplete ? (
        <InfoAlert heading="Not ready to sign">
          {props.missingCount === 1 ? 'One answer needs' : `${props.missingCount} answers need`} attention. Use the "Change" links to finish each section.
        </InfoAlert>
      ) : null}
      {d.sections.map((section) => (
        <section aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`}>{section.heading}</h2>
          {props.isEditable ? (
            <p>
              <a href={`/filings/${props.filingId}/steps/${section.id}`}>
                Change<span class="usa-sr-only"> {section.heading}</span>
              </a>
            </p>
          ) : null}
          <dl>
            {section.items.map((item) => (
              <>
                <dt>
                  <strong>{item.label}</strong>
                </dt>
                <dd>{item.value}</dd>
              </>
            ))}
          </dl>
        </section>
      ))}
      {props.attachments.length > 0 || props.needsSiteMap ? (
        <section aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">Attachments</h2>
          {props.isEditable && props.needsSiteMap ? (
            <p>
              <a href={`/filings/${props.filingId}/steps/site-map`}>
                Change<span class="usa-sr-only"> the attachments</span>
              </a>
            </p>
          ) : null}
          {props.attachments.length === 0 ? <p>No site map is attached yet (§512-30 B(1)(a)).</p> : null}
          <ul class="usa-list">
            {props.attachments.map((a) => (
              <li>
                {a.fileName} — SHA-256 <code>{a.sha256}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>Certification</h2>
      <p>{d.certificationStatement}</p>
      {props.isEditable && props.isComplete ? (
        <p>
          <a class="usa-button" href={`/filings/${props.filingId}/sign`}>
            Sign and submit
          </a>
        </p>
      ) : null}
      <ApplicabilityFindings assessment={props.assessment} />
    </>
  );
}
