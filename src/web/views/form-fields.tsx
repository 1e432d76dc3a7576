// Form building blocks: an error summary at the top linking to each field, messages beside
// fields, values kept after an error. Field ids are the field names, so the summary's
// links (#name) land on the input.
import type { Child } from 'hono/jsx';
import type { FieldError } from '../../domain/errors.ts';

export interface FormState {
  values: Record<string, string | string[] | undefined>;
  errors: FieldError[];
}

export const emptyForm: FormState = { values: {}, errors: [] };

export function errorFor(form: FormState, name: string): string | undefined {
  return form.errors.find((e) => e.path === name)?.message;
}

export function valueOf(form: FormState, name: string): string {
  const v = form.values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function ErrorSummary(props: { form: FormState; labels?: Record<string, string> }) {
  if (props.form.errors.length === 0) return null;
  return (
    <div class="usa-alert usa-alert--error" role="alert" id="error-summary" tabindex={-1}>
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading">There is a problem</h2>
        <ul class="usa-list">
          {props.form.errors.map((e) => (
            <li>
              <a href={`#${e.path}`}>{props.labels?.[e.path] ? `${props.labels[e.path]}: ${e.message}` : e.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function FieldGroup(props: FieldProps & { children: Child }) {
  const error = errorFor(props.form, props.name);
  return (
    <div class={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <label class={`usa-label${error ? ' usa-label--error' : ''}`} for={props.name}>
        {props.label}
        {props.required === false ? <span class="usa-hint"> (optional)</span> : null}
      </label>
      {props.hint ? (
        <div class="usa-hint" id={`${props.name}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {error ? (
        <span class="usa-error-message" id={`${props.name}-error`} role="alert">
          {error}
        </span>
      ) : null}
      {props.children}
    </div>
  );
}

function describedBy(props: FieldProps): string | undefined {
  const ids = [props.hint ? `${props.name}-hint` : '', errorFor(props.form, props.name) ? `${props.name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextInput(
  props: FieldProps & { type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'date'; autocomplete?: string; inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text'; width?: string },
) {
  const error = errorFor(props.form, props.name);
  const isSecret = props.type === 'password';
  return (
    <FieldGroup {...props}>
      <input
        class={`usa-input${error ? ' usa-input--error' : ''}${props.width ? ` usa-input--${props.width}` : ''}`}
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={isSecret ? '' : valueOf(props.form, props.name)}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        step={props.type === 'number' ? 'any' : undefined}
        aria-describedby={describedBy(props)}
        aria-invalid={error ? 'true' : undefined}
        required={props.required === false ? undefined : true}
      />
    </FieldGroup>
  );
}

export function TextArea(props: FieldProps) {
  const error = errorFor(props.form, props.name);
  return (
    <FieldGroup {...props}>
      <textarea
        class={`usa-textarea${error ? ' usa-input--error' : ''}`}
        id={props.name}
        name={props.name}
        aria-describedby={describedBy(props)}
        aria-invalid={error ? 'true' : undefined}
        required={props.required === false ? undefined : true}
      >
        {valueOf(props.form, props.name)}
      </textarea>
    </FieldGroup>
  );
}

export function Select(props: FieldProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  const error = errorFor(props.form, props.name);
  const current = valueOf(props.form, props.name);
  return (
    <FieldGroup {...props}>
      <select
        class={`usa-select${error ? ' usa-input--error' : ''}`}
        id={props.name}
        name={props.name}
        aria-describedby={describedBy(props)}
        aria-invalid={error ? 'true' : undefined}
        required={props.required === false ? undefined : true}
      >
        <option value="">{props.placeholder ?? '- Select -'}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
}

/** A yes/no question as two radio buttons in a fieldset; the first radio carries the field id. */
export function YesNo(props: FieldProps) {
  const error = errorFor(props.form, props.name);
  const current = valueOf(props.form, props.name);
  return (
    <div class={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <fieldset class="usa-fieldset" aria-describedby={describedBy(props)}>
        <legend class="usa-legend">{props.label}</legend>
        {props.hint ? (
          <div class="usa-hint" id={`${props.name}-hint`}>
            {props.hint}
          </div>
        ) : null}
        {error ? (
          <span class="usa-error-message" id={`${props.name}-error`} role="alert">
            {error}
          </span>
        ) : null}
        {[
          ['yes', 'Yes'],
          ['no', 'No'],
        ].map(([value, label], i) => (
          <div class="usa-radio">
            <input
              class="usa-radio__input"
              id={i === 0 ? props.name : `${props.name}-${value}`}
              type="radio"
              name={props.name}
              value={value}
              checked={current === value}
            />
            <label class="usa-radio__label" for={i === 0 ? props.name : `${props.name}-${value}`}>
              {label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export function Checkbox(props: FieldProps & { value?: string }) {
  const error = errorFor(props.form, props.name);
  const current = valueOf(props.form, props.name);
  return (
    <div class={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      {error ? (
        <span class="usa-error-message" id={`${props.name}-error`} role="alert">
          {error}
        </span>
      ) : null}
      <div class="usa-checkbox">
        <input
          class="usa-checkbox__input"
          id={props.name}
          type="checkbox"
          name={props.name}
          value={props.value ?? 'yes'}
          checked={current === (props.value ?? 'yes')}
          aria-describedby={describedBy(props)}
        />
        <label class="usa-checkbox__label" for={props.name}>
          {props.label}
        </label>
      </div>
    </div>
  );
}

export function SubmitButton(props: { label: string; secondary?: boolean }) {
  return (
    <button type="submit" class={`usa-button${props.secondary ? ' usa-button--outline' : ''}`}>
      {props.label}
    </button>
  );
}

export function SuccessAlert(props: { heading?: string; children: Child }) {
  return (
    <div class="usa-alert usa-alert--success" role="status">
      <div class="usa-alert__body">
        {props.heading ? <h2 class="usa-alert__heading">{props.heading}</h2> : null}
        <p class="usa-alert__text">{props.children}</p>
      </div>
    </div>
  );
}

export function InfoAlert(props: { heading?: string; children: Child }) {
  return (
    <div class="usa-alert usa-alert--info" role="status">
      <div class="usa-alert__body">
        {props.heading ? <h2 class="usa-alert__heading">{props.heading}</h2> : null}
        <div class="usa-alert__text">{props.children}</div>
      </div>
    </div>
  );
}
