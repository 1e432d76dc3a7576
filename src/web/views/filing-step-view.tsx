// One step of a draft filing: the law's questions with messages beside them, the
// facility's applicability findings beside the form, and — for an NEC with an exposed
// item — the refusal with the way forward (a Notice of Intent prefilled from the facility).
import type { Assessment } from '../../domain/assessment/assessment-types.ts';
import type { FilingField, FilingStep } from '../../domain/filings/filing-fields.ts';
import { exposureChangeCitation } from '../../domain/filings/nec-steps.ts';
import { ErrorSummary, InfoAlert, Select, SubmitButton, TextArea, TextInput, YesNo, type FormState } from './form-fields.tsx';
import { CsrfField } from './layout.tsx';

export function FieldFor(props: { field: FilingField; form: FormState }) {
  const { field, form } = props;
  const hint = [field.hint, field.citation].filter(Boolean).join(' ') || undefined;
  const common = { form, name: field.name, label: field.label, hint, required: field.optional ? false : undefined };
  switch (field.input) {
    case 'yes-no':
      return <YesNo {...common} />;
    case 'select':
      return <Select {...common} options={[...(field.options ?? [])]} />;
    case 'textarea':
      return <TextArea {...common} />;
    case 'date':
      return <TextInput {...common} type="date" />;
    case 'tel':
      return <TextInput {...common} type="tel" autocomplete="tel" />;
    case 'number':
      return <TextInput {...common} inputmode="decimal" width="small" />;
    default:
      return <TextInput {...common} />;
  }
}

export function ApplicabilityFindings(props: { assessment: Assessment | null }) {
  if (!props.assessment) return null;
  return (
    <aside class="usa-summary-box" aria-labelledby="findings-heading">
      <div class="usa-summary-box__body">
        <h2 class="usa-summary-box__heading" id="findings-heading">
          This facility's applicability findings
        </h2>
        <ul class="usa-list">
          {props.assessment.findings.map((f) => (
            <li>
              {f.text} <span class="outfall-citation">({f.citation})</span>
            </li>
          ))}
        </ul>
      </div>
    </aside>
  );
}

export function NecExposureRefusal(props: { exposed: string[]; facilityId: string; csrfToken: string }) {
  return (
    <div class="usa-alert usa-alert--warning" role="region" aria-labelledby="refusal-heading">
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading" id="refusal-heading">
          A No Exposure Certification cannot be filed
        </h2>
        <p class="usa-alert__text">These items are exposed to precipitation or runoff:</p>
        <ul class="usa-list">
          {props.exposed.map((key) => (
            <li>
              Item [{key}] (§512-30 B(7)(d)[3][{key}])
            </li>
          ))}
        </ul>
        <p class="usa-alert__text">
          The facility needs Notice of Intent coverage before the change ({exposureChangeCitation}).
        </p>
        <form method="post" action={`/facilities/${props.facilityId}/filings`}>
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="kind" value="noi-nonconstruction" />
          <SubmitButton label="Start a Notice of Intent for this facility" />
        </form>
      </div>
    </div>
  );
}

export interface StepPageProps {
  filingId: string;
  title: string;
  facilityName: string;
  step: FilingStep;
  steps: { id: string; title: string }[];
  form: FormState;
  revision: number;
  csrfToken: string;
  assessment: Assessment | null;
  notice?: string;
  conflict?: string;
  exposed: string[];
  facilityId: string;
  /** Shown above the buttons (the site map's attachments). */
  extra?: unknown;
}

export function FilingStepPage(props: StepPageProps) {
  const index = props.steps.findIndex((s) => s.id === props.step.id);
  const labels = Object.fromEntries(props.step.fields.map((f) => [f.name, f.label]));
  return (
    <>
      <p class="usa-hint">
        {props.title} for {props.facilityName} — step {index + 1} of {props.steps.length}
      </p>
      <h1>{props.step.title}</h1>
      {props.conflict ? (
        <div class="usa-alert usa-alert--error" role="alert">
          <div class="usa-alert__body">
            <p class="usa-alert__text">{props.conflict}</p>
          </div>
        </div>
      ) : null}
      {props.notice ? <InfoAlert>{props.notice}</InfoAlert> : null}
      <ErrorSummary form={props.form} labels={labels} />
      {props.exposed.length > 0 ? <NecExposureRefusal exposed={props.exposed} facilityId={props.facilityId} csrfToken={props.csrfToken} /> : null}
      <p class="usa-hint">{props.step.citation}</p>
      {props.step.intro ? <p>{props.step.intro}</p> : null}
      {props.extra as never}
      <form method="post" action={`/filings/${props.filingId}/steps/${props.step.id}`} class="usa-form usa-form--large">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="revision" value={String(props.revision)} />
        {props.step.fields.map((field) => (
          <FieldFor field={field} form={props.form} />
        ))}
        {props.step.id === 'outfalls' ? (
          <p>
            <button type="submit" name="action" value="add-outfall" class="usa-button usa-button--outline">
              Save and add another outfall
            </button>
            <button type="submit" name="action" value="remove-outfall" class="usa-button usa-button--unstyled">
              Remove the last outfall
            </button>
          </p>
        ) : null}
        <button type="submit" name="action" value="save" class="usa-button">
          Save and continue
        </button>
      </form>
      <p>
        <a href={`/filings/${props.filingId}`}>Review your answers</a>
      </p>
      <ApplicabilityFindings assessment={props.assessment} />
    </>
  );
}
