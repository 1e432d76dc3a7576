// The building blocks of a filing's steps: each field names its answer, its label (words of
// the law), how a form asks it, and how it is checked. Answers are kept as the form typed
// them (strings), so a draft saved with mistakes loses nothing; checking turns them into
// messages beside the fields.
import type { FieldError } from '../errors.ts';
import { isCalendarDate } from '../assessment/calendar-date.ts';

export type FilingAnswers = Record<string, unknown>;

export type FieldInput = 'text' | 'textarea' | 'yes-no' | 'date' | 'number' | 'select' | 'tel';

export interface FilingField {
  name: string;
  label: string;
  input: FieldInput;
  hint?: string;
  citation?: string;
  optional?: boolean;
  options?: readonly { value: string; label: string }[];
  /** The message when the answer is missing (and, for most fields, when it is wrong). */
  missing: string;
  /** For numbers: the smallest accepted value and the message when below it. */
  min?: { value: number; message: string; exclusive?: boolean };
  max?: { value: number; message: string };
}

export interface FilingStep {
  id: string;
  title: string;
  citation: string;
  intro?: string;
  fields: FilingField[];
  /** Rules across fields, run once each field alone is acceptable. */
  rules?: (answers: FilingAnswers, context: FilingContext) => FieldError[];
}

export interface FilingContext {
  jurisdictionId: string;
  /** The filing date (YYYY-MM-DD), for rules counted from it. */
  today: string;
}

export function answerText(answers: FilingAnswers, name: string): string {
  const value = answers[name];
  if (value === undefined || value === null) return '';
  return String(value).trim();
}

const phonePattern = /^[0-9()+\-.\s]{7,25}(\s*(x|ext\.?)\s*\d{1,6})?$/i;
const numberPattern = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** The message for one field's answer, or null when it is acceptable. */
export function checkField(field: FilingField, answers: FilingAnswers): string | null {
  const text = answerText(answers, field.name);
  if (text === '') return field.optional ? null : field.missing;
  if (text.length > 4000) return 'Use 4,000 characters or fewer';
  switch (field.input) {
    case 'yes-no':
      return text === 'yes' || text === 'no' ? null : field.missing;
    case 'select':
      return field.options?.some((o) => o.value === text) ? null : field.missing;
    case 'date':
      return isCalendarDate(text) ? null : `${field.missing}, as a date such as 2026-04-15`;
    case 'tel':
      return phonePattern.test(text) ? null : 'Enter a telephone number, such as 715-799-4937';
    case 'number': {
      if (!numberPattern.test(text)) return `${field.missing}, as a number`;
      const value = Number(text);
      if (field.min && (field.min.exclusive ? value <= field.min.value : value < field.min.value)) return field.min.message;
      if (field.max && value > field.max.value) return field.max.message;
      return null;
    }
    default:
      return text.length > 300 && field.input === 'text' ? 'Use 300 characters or fewer' : null;
  }
}

export function checkStep(step: FilingStep, answers: FilingAnswers, context: FilingContext): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of step.fields) {
    const message = checkField(field, answers);
    if (message) errors.push({ path: field.name, message });
  }
  const failed = new Set(errors.map((e) => e.path));
  for (const error of step.rules?.(answers, context) ?? []) if (!failed.has(error.path)) errors.push(error);
  return errors;
}

/** The answer in words, as the review page and the copy of record print it. */
export function answerInWords(field: FilingField, answers: FilingAnswers): string {
  const text = answerText(answers, field.name);
  if (text === '') return field.optional ? 'Not given' : 'Not answered';
  if (field.input === 'yes-no') return text === 'yes' ? 'Yes' : text === 'no' ? 'No' : text;
  if (field.input === 'select') return field.options?.find((o) => o.value === text)?.label ?? text;
  return text;
}

// Field makers, so the step lists read like the law's lists.
export const text = (name: string, label: string, missing: string, extra: Partial<FilingField> = {}): FilingField => ({ name, label, input: 'text', missing, ...extra });
export const longText = (name: string, label: string, missing: string, extra: Partial<FilingField> = {}): FilingField => ({ name, label, input: 'textarea', missing, ...extra });
export const yesNo = (name: string, label: string, missing: string, extra: Partial<FilingField> = {}): FilingField => ({ name, label, input: 'yes-no', missing, ...extra });
export const date = (name: string, label: string, missing: string, extra: Partial<FilingField> = {}): FilingField => ({ name, label, input: 'date', missing, ...extra });
export const phone = (name: string, label: string, extra: Partial<FilingField> = {}): FilingField => ({ name, label, input: 'tel', missing: 'Enter a telephone number, such as 715-799-4937', ...extra });
export const amount = (name: string, label: string, missing: string, extra: Partial<FilingField> = {}): FilingField => ({ name, label, input: 'number', missing, ...extra });

export function coordinates(citation: string): FilingField[] {
  return [
    amount('latitude', 'Latitude (decimal degrees)', 'Enter the latitude in decimal degrees, such as 44.8705', {
      citation,
      min: { value: -90, message: 'Enter a latitude between -90 and 90' },
      max: { value: 90, message: 'Enter a latitude between -90 and 90' },
    }),
    amount('longitude', 'Longitude (decimal degrees)', 'Enter the longitude in decimal degrees, such as -88.6251', {
      citation,
      min: { value: -180, message: 'Enter a longitude between -180 and 180' },
      max: { value: 180, message: 'Enter a longitude between -180 and 180' },
    }),
  ];
}

/** The facility's name, address, county and position: the same step in an NEC and an industrial NOI. */
export function facilityStep(citation: string): FilingStep {
  return {
    id: 'facility',
    title: 'The facility',
    citation,
    fields: [
      text('facilityName', 'Facility name', 'Enter the facility\'s name'),
      text('facilityAddress', 'Facility address', 'Enter the facility\'s street address'),
      text('facilityCounty', 'County', 'Enter the county'),
      ...coordinates(citation),
    ],
  };
}
