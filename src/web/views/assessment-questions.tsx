// The questions of the public "Do I need a permit?" questionnaire, one page each, asked in
// order when they apply to the answers so far. Answers travel in the query string (GET
// forms: asking changes nothing, so any page can be bookmarked or shared and works without
// JavaScript). Each question names its fields, checks them, and renders its page body.
import type { Child } from 'hono/jsx';
import { siteActivities, type SiteActivity } from '../../domain/assessment/assessment-types.ts';
import { isCalendarDate } from '../../domain/assessment/calendar-date.ts';
import type { FieldError } from '../../domain/errors.ts';
import { registeredJurisdictions, rulePackFor } from '../../domain/rule-packs/rule-pack-registry.ts';
import type { RulePack } from '../../domain/rule-packs/rule-pack.ts';
import { TextInput, YesNo, type FormState } from './form-fields.tsx';

/** Query-string answers: one value per field, or a list for checkbox groups. */
export type Answers = Record<string, string | string[] | undefined>;

export function one(answers: Answers, name: string): string {
  const value = answers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export function many(answers: Answers, name: string): string[] {
  const value = answers[name];
  return Array.isArray(value) ? value : value ? [value] : [];
}

export const activityLabels: Record<SiteActivity, string> = {
  construction: 'Construction: clearing, grading, excavating or other land disturbance',
  industrial: 'An industrial facility (manufacturing, transportation, recycling, landfill and similar)',
  'oil-gas': 'Oil or gas exploration, production, processing, treatment or transmission',
  mining: 'A mining operation',
  ms4: 'A municipal separate storm sewer system (MS4) run by a public body',
  other: 'Something else that discharges stormwater',
};

export const dateFields = [
  { name: 'constructionStart', label: 'When will soil first be disturbed (construction start)?' },
  { name: 'noiSubmitted', label: 'When was (or will) the Notice of Intent be submitted?' },
  { name: 'operatorChange', label: 'If a new operator takes control, on what day?' },
  { name: 'finalStabilization', label: 'When will (or did) the site reach final stabilization?' },
] as const;

export const exposureFieldName = (key: string) => `exposure-${key}`;

export interface QuestionContext {
  answers: Answers;
  pack: RulePack | undefined;
}

export interface Question {
  id: string;
  /** The page's h1. */
  title: string;
  fields: (context: QuestionContext) => string[];
  applies: (context: QuestionContext) => boolean;
  validate: (context: QuestionContext) => FieldError[];
  Body: (props: QuestionContext & { form: FormState }) => Child;
}

function RadioGroup(props: { form: FormState; name: string; legend: string; options: { value: string; label: string }[] }) {
  const error = props.form.errors.find((e) => e.path === props.name)?.message;
  const current = one(props.form.values, props.name);
  return (
    <div class={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <fieldset class="usa-fieldset" aria-describedby={error ? `${props.name}-error` : undefined}>
        <legend class="usa-legend usa-legend--large">{props.legend}</legend>
        {error ? (
          <span class="usa-error-message" id={`${props.name}-error`} role="alert">
            {error}
          </span>
        ) : null}
        {props.options.map((option, i) => {
          const id = i === 0 ? props.name : `${props.name}-${option.value}`;
          return (
            <div class="usa-radio">
              <input class="usa-radio__input usa-radio__input--tile" id={id} type="radio" name={props.name} value={option.value} checked={current === option.value} />
              <label class="usa-radio__label" for={id}>
                {option.label}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

function CheckboxGroup(props: { form: FormState; name: string; legend: string; hint?: string; options: { value: string; label: string }[] }) {
  const chosen = many(props.form.values, props.name);
  return (
    <div class="usa-form-group">
      <fieldset class="usa-fieldset" aria-describedby={props.hint ? `${props.name}-hint` : undefined}>
        <legend class="usa-legend usa-legend--large">{props.legend}</legend>
        {props.hint ? (
          <div class="usa-hint" id={`${props.name}-hint`}>
            {props.hint}
          </div>
        ) : null}
        {props.options.map((option, i) => {
          const id = i === 0 ? props.name : `${props.name}-${option.value}`;
          return (
            <div class="usa-checkbox">
              <input class="usa-checkbox__input" id={id} type="checkbox" name={props.name} value={option.value} checked={chosen.includes(option.value)} />
              <label class="usa-checkbox__label" for={id}>
                {option.label}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

const requireChoice = (answers: Answers, name: string, allowed: readonly string[], message: string): FieldError[] =>
  allowed.includes(one(answers, name)) ? [] : [{ path: name, message }];

const requireYesNo = (answers: Answers, names: string[]): FieldError[] =>
  names.flatMap((name) => requireChoice(answers, name, ['yes', 'no'], 'Answer yes or no'));

const optionalDates = (answers: Answers, names: string[]): FieldError[] =>
  names.filter((name) => one(answers, name) !== '' && !isCalendarDate(one(answers, name))).map((path) => ({ path, message: 'Enter a real date as year-month-day, for example 2027-03-01' }));

const activity = (answers: Answers) => one(answers, 'activity');
const isConstruction = ({ answers }: QuestionContext) => activity(answers) === 'construction';

/** Whether the eleven exposure questions matter: only industrial facilities can use the exclusion. */
export function asksExposure({ answers, pack }: QuestionContext): boolean {
  const a = activity(answers);
  if (a === 'industrial' || many(answers, 'triggers').includes('industrialActivity')) return true;
  return pack?.treatsOilGasAndMiningAsIndustrial === true && (a === 'oil-gas' || a === 'mining');
}

function triggerOptions({ answers, pack }: QuestionContext): { value: string; label: string }[] {
  const a = activity(answers);
  const options: { value: string; label: string }[] = [];
  if (a !== 'industrial') options.push({ value: 'industrialActivity', label: 'The site also has industrial activity' });
  if (a !== 'ms4') options.push({ value: 'ms4', label: 'The discharge is from a municipal separate storm sewer system (MS4)' });
  if (pack?.asksPermitIssuedBefore1987) options.push({ value: 'permitIssuedBefore1987', label: 'A permit was issued for this discharge before February 4, 1987' });
  options.push({ value: 'tmdl', label: 'The permitting authority has said stormwater controls are needed under a total maximum daily load (TMDL)' });
  options.push({ value: 'waterQuality', label: 'The permitting authority has said the discharge contributes to a water quality violation' });
  options.push({ value: 'denyNoExposure', label: 'The permitting authority has refused this site the no-exposure exclusion' });
  return options;
}

export const questions: Question[] = [
  {
    id: 'jurisdiction',
    title: 'Where is the site?',
    fields: () => ['jurisdiction'],
    applies: () => true,
    validate: ({ answers }) => requireChoice(answers, 'jurisdiction', registeredJurisdictions(), 'Choose where the site is'),
    Body: ({ form }) => (
      <RadioGroup
        form={form}
        name="jurisdiction"
        legend="Which permitting authority is the site under?"
        options={registeredJurisdictions().map((id) => ({ value: id, label: rulePackFor(id)!.name }))}
      />
    ),
  },
  {
    id: 'activity',
    title: 'What happens at the site?',
    fields: () => ['activity'],
    applies: () => true,
    validate: ({ answers }) => requireChoice(answers, 'activity', siteActivities, 'Choose what happens at the site'),
    Body: ({ form }) => (
      <RadioGroup form={form} name="activity" legend="Which best describes the activity?" options={siteActivities.map((value) => ({ value, label: activityLabels[value] }))} />
    ),
  },
  {
    id: 'acres',
    title: 'How much land will be disturbed?',
    fields: () => ['acres'],
    applies: isConstruction,
    validate: ({ answers }) => {
      const text = one(answers, 'acres').trim();
      return /^\d+(\.\d+)?$/.test(text) ? [] : [{ path: 'acres', message: 'Enter the acres of soil disturbed as a number, 0 or more (for example 2.5)' }];
    },
    Body: ({ form }) => (
      <TextInput form={form} name="acres" label="Acres of soil disturbed" hint="Include clearing, grading, excavation, and off-site borrow and fill areas. Under one acre: enter the actual figure." inputmode="decimal" width="small" />
    ),
  },
  {
    id: 'construction-dates',
    title: 'Construction dates',
    fields: () => dateFields.map((f) => f.name),
    applies: isConstruction,
    validate: ({ answers }) => optionalDates(answers, dateFields.map((f) => f.name)),
    Body: ({ form }) => (
      <>
        <p>Give the dates you know; leave the others empty. They set your deadlines.</p>
        {dateFields.map((f) => (
          <TextInput form={form} name={f.name} label={f.label} type="date" required={false} />
        ))}
      </>
    ),
  },
  {
    id: 'oil-gas',
    title: 'About the oil or gas operation',
    fields: () => ['oilGasRq', 'oilGasWqs'],
    applies: ({ answers }) => activity(answers) === 'oil-gas',
    validate: ({ answers }) => requireYesNo(answers, ['oilGasRq', 'oilGasWqs']),
    Body: ({ form }) => (
      <>
        <YesNo form={form} name="oilGasRq" label="Since November 16, 1987, has a stormwater discharge carried a reportable quantity of oil or a hazardous substance (one you had to report)?" />
        <YesNo form={form} name="oilGasWqs" label="Does the discharge contribute to a violation of a water quality standard?" />
      </>
    ),
  },
  {
    id: 'mining',
    title: 'About the mining operation',
    fields: () => ['miningContact'],
    applies: ({ answers }) => activity(answers) === 'mining',
    validate: ({ answers }) => requireYesNo(answers, ['miningContact']),
    Body: ({ form }) => (
      <YesNo form={form} name="miningContact" label="Does stormwater come into contact with overburden, raw material, intermediate or finished products, by-products or waste on the site?" />
    ),
  },
  {
    id: 'activities',
    title: 'Activities that need a permit',
    fields: () => ['activities'],
    applies: (context) => !isConstruction(context) && (context.pack?.nonconstructionActivities.length ?? 0) > 0,
    validate: () => [],
    Body: ({ form, pack }) => (
      <CheckboxGroup
        form={form}
        name="activities"
        legend="Does the site have any of these activities? Check all that apply."
        hint="Leave all unchecked if none applies."
        options={(pack?.nonconstructionActivities ?? []).map((a) => ({ value: a.key, label: `${a.text} (${a.citation})` }))}
      />
    ),
  },
  {
    id: 'determinations',
    title: 'Other facts about the discharge',
    fields: () => ['triggers'],
    applies: (context) => !isConstruction(context),
    validate: () => [],
    Body: (props) => (
      <CheckboxGroup form={props.form} name="triggers" legend="Do any of these apply? Check all that apply." hint="Leave all unchecked if none applies." options={triggerOptions(props)} />
    ),
  },
  {
    id: 'exposure',
    title: 'Is anything exposed to rain or snow?',
    fields: ({ pack }) => (pack?.exposureQuestions ?? []).map((q) => exposureFieldName(q.key)),
    applies: (context) => !isConstruction(context) && asksExposure(context),
    validate: ({ answers, pack }) => requireYesNo(answers, (pack?.exposureQuestions ?? []).map((q) => exposureFieldName(q.key))),
    Body: ({ form, pack }) => (
      <>
        <p>Answer yes if the material or activity is, or will be in the foreseeable future, exposed to rain, snow, snowmelt or runoff.</p>
        <div class="usa-summary-box">
          <div class="usa-summary-box__body">
            <h2 class="usa-summary-box__heading">These need no shelter</h2>
            <ul class="usa-list">
              {(pack?.shelterExceptions ?? []).map((e) => (
                <li>
                  {e.text} <span class="usa-hint">({e.citation})</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
        {(pack?.exposureQuestions ?? []).map((q) => (
          <YesNo form={form} name={exposureFieldName(q.key)} label={`[${q.key}] ${q.text}`} hint={q.citation} />
        ))}
      </>
    ),
  },
  {
    id: 'last-certified',
    title: 'Your last No Exposure Certification',
    fields: () => ['lastCertified'],
    applies: (context) =>
      !isConstruction(context) && asksExposure(context) && (context.pack?.exposureQuestions ?? []).every((q) => one(context.answers, exposureFieldName(q.key)) === 'no'),
    validate: ({ answers }) => optionalDates(answers, ['lastCertified']),
    Body: ({ form }) => (
      <TextInput form={form} name="lastCertified" label="When did you last certify (or recertify) no exposure?" hint="Leave empty if you never have." type="date" required={false} />
    ),
  },
];
