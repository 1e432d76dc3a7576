// Notice of Termination and the operator change NOI (§512-30 A(1)(c): the new operator files
// at least two days before taking control; the old operator then files a Notice of Termination).
import { addDays, compareDates, isCalendarDate } from '../assessment/calendar-date.ts';
import { answerText, date, longText, phone, text, type FilingStep } from './filing-fields.ts';

export const terminationReasons = [
  { value: 'final-stabilization', label: 'Final stabilization has been achieved' },
  { value: 'operator-change', label: 'Another operator has taken over the site' },
  { value: 'other', label: 'Other' },
] as const;

export const OPERATOR_CHANGE_LEAD_DAYS = 2;

export const terminationSteps: FilingStep[] = [
  {
    id: 'termination',
    title: 'Termination',
    citation: 'Notice of Termination',
    fields: [
      text('permitId', 'Permit ID being terminated', 'Enter the permit ID of the coverage being terminated'),
      { name: 'reason', label: 'Reason for termination', input: 'select', options: terminationReasons, missing: 'Select the reason for termination' },
      date('terminationDate', 'Date coverage should end', 'Enter the date coverage should end'),
      longText('explanation', 'Explanation (required for "Other")', '', { optional: true }),
    ],
    rules: (answers) =>
      answerText(answers, 'reason') === 'other' && answerText(answers, 'explanation') === ''
        ? [{ path: 'explanation', message: 'Explain why coverage should end' }]
        : [],
  },
];

export const operatorChangeSteps: FilingStep[] = [
  {
    id: 'new-operator',
    title: 'The new operator',
    citation: '§512-30 A(1)(c)',
    fields: [
      text('previousPermitId', 'Permit ID of the current coverage', 'Enter the permit ID of the site\'s current coverage'),
      text('newOperatorName', 'New operator\'s name', 'Enter the new operator\'s name', { citation: '§512-30 A(2)(a)' }),
      text('newOperatorAddress', 'New operator\'s mailing address', 'Enter the new operator\'s mailing address', { citation: '§512-30 A(2)(a)' }),
      phone('newOperatorPhone', 'New operator\'s telephone number', { citation: '§512-30 A(2)(a)' }),
      date('controlDate', 'Date the new operator takes operational control', 'Enter the date the new operator takes control', {
        citation: '§512-30 A(1)(c)',
        hint: 'At least two days after this notice is filed.',
      }),
    ],
    rules: (answers, context) => {
      const control = answerText(answers, 'controlDate');
      const earliest = addDays(context.today, OPERATOR_CHANGE_LEAD_DAYS);
      return isCalendarDate(control) && compareDates(control, earliest) < 0
        ? [{ path: 'controlDate', message: `Enter a date on or after ${earliest}: the new operator must file at least two days before taking control (§512-30 A(1)(c))` }]
        : [];
    },
  },
];
