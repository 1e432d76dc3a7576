// Construction Notice of Intent, Menominee §512-30 A(2)(a)–(i), with the endangered species
// steps of §512-30 E(1)–(6) as a guided section ending in eligibility criterion (a)–(d).
import { compareDates, isCalendarDate } from '../assessment/calendar-date.ts';
import type { FieldError } from '../errors.ts';
import { amount, answerText, coordinates, date, longText, phone, text, yesNo, type FilingAnswers, type FilingStep } from './filing-fields.ts';

export const operatorTypes = [
  { value: 'federal', label: 'Federal' },
  { value: 'tribal', label: 'Tribal' },
  { value: 'private', label: 'Private' },
  { value: 'other-public', label: 'Other public entity' },
] as const;

export const speciesCriteria = [
  { value: 'a', label: '(a) Not likely to adversely affect listed species or critical habitat' },
  { value: 'b', label: '(b) ESA Section 7 consultation concluded (no jeopardy opinion or written concurrence)' },
  { value: 'c', label: '(c) Authorized under ESA Section 10, addressing the stormwater discharges' },
  { value: 'd', label: '(d) Addressed in another operator\'s certification of eligibility covering this project area' },
] as const;

const speciesQuestions = [
  'Is the construction site within designated critical habitat for listed species?',
  'Are listed species located in the county (or counties) where the construction will occur?',
  'May any federally listed endangered or threatened species be present in the project area?',
  'Are listed species or critical habitats likely to be adversely affected by the stormwater discharges or stormwater-discharge-related activities?',
  'Can measures be implemented to avoid any adverse effects?',
] as const;

export const operatorStep = (citation: string): FilingStep => ({
  id: 'operator',
  title: 'The operator',
  citation,
  fields: [
    text('operatorName', 'Operator\'s name', 'Enter the name of the operator filing the NOI', { citation: '§512-30 A(2)(a)' }),
    text('operatorAddress', 'Operator\'s mailing address', 'Enter the operator\'s mailing address', { citation: '§512-30 A(2)(a)' }),
    phone('operatorPhone', 'Operator\'s telephone number', { citation: '§512-30 A(2)(a)' }),
    {
      name: 'operatorType',
      label: 'The operator is a',
      input: 'select',
      options: operatorTypes,
      missing: 'Select whether the operator is a federal, tribal, private or other public entity',
      citation: '§512-30 A(2)(b)',
    },
  ],
});

export const constructionNoiSteps: FilingStep[] = [
  operatorStep('§512-30 A(2)(a)–(b)'),
  {
    id: 'site',
    title: 'The construction project or site',
    citation: '§512-30 A(2)(c)–(d)',
    fields: [
      text('siteName', 'Project or site name', 'Enter the name (or other identifier) of the project or site'),
      text('siteAddress', 'Site address', 'Enter the address of the project or site'),
      text('siteCounty', 'County', 'Enter the county'),
      ...coordinates('§512-30 A(2)(c)'),
      yesNo('indianCountry', 'Is the project or site located within Indian country?', 'Select whether the project or site is in Indian country', { citation: '§512-30 A(2)(d)' }),
    ],
  },
  {
    id: 'swppp',
    title: 'Stormwater pollution prevention plan (SWPPP)',
    citation: '§512-30 A(2)(e)–(f)',
    intro: 'Do not attach the SWPPP: copies of SWPPPs or permits are not included with the NOI (§512-30 A(2)(e)).',
    fields: [
      yesNo('swpppDeveloped', 'Has a SWPPP been developed before construction begins?', 'Select whether the SWPPP has been developed', { citation: '§512-30 A(2)(e)' }),
      text('swpppLocation', 'Where the SWPPP may be viewed', '', { optional: true, citation: '§512-30 A(2)(f)' }),
      text('swpppContactName', 'Contact person for viewing times', '', { optional: true, citation: '§512-30 A(2)(f)' }),
      phone('swpppContactPhone', 'Contact person\'s telephone number', { optional: true, citation: '§512-30 A(2)(f)' }),
    ],
    rules: (answers) =>
      answerText(answers, 'swpppDeveloped') === 'no'
        ? [{ path: 'swpppDeveloped', message: 'A SWPPP must be developed before construction begins to file an NOI (§512-30 A(2)(e))' }]
        : [],
  },
  {
    id: 'project',
    title: 'Receiving waters, dates and area',
    citation: '§512-30 A(2)(g)–(h)',
    fields: [
      longText('receivingWaters', 'Receiving water(s)', 'Enter the name of the receiving water(s)', { citation: '§512-30 A(2)(g)' }),
      date('startDate', 'Estimated project start date', 'Enter the estimated start date', { citation: '§512-30 A(2)(h)' }),
      date('completionDate', 'Estimated project completion date', 'Enter the estimated completion date', { citation: '§512-30 A(2)(h)' }),
      amount('acresDisturbed', 'Acres on which soil will be disturbed', 'Enter the estimated number of acres disturbed', {
        hint: 'If less than one acre, enter 1.',
        citation: '§512-30 A(2)(h)',
        min: { value: 1, message: 'Enter at least 1: if less than one acre, enter 1 (§512-30 A(2)(h))' },
      }),
    ],
    rules: (answers) => {
      const start = answerText(answers, 'startDate');
      const end = answerText(answers, 'completionDate');
      return isCalendarDate(start) && isCalendarDate(end) && compareDates(end, start) < 0
        ? [{ path: 'completionDate', message: 'Enter a completion date on or after the start date' }]
        : [];
    },
  },
  {
    id: 'endangered-species',
    title: 'Endangered species',
    citation: '§512-30 A(2)(i), E(1)–(6)',
    intro: 'Follow the steps of §512-30 E before filing the NOI. Answer each step, then choose the eligibility criterion that applies.',
    fields: [
      ...speciesQuestions.map((question, i) =>
        yesNo(`species${i + 1}`, `Step (${i + 1}): ${question}`, `Answer step (${i + 1})`, { citation: `§512-30 E(${i + 1})` }),
      ),
      {
        name: 'speciesCriterion',
        label: 'Step (6): the eligibility criterion that is met',
        input: 'select',
        options: speciesCriteria,
        missing: 'Select the eligibility criterion (a), (b), (c) or (d) that is met',
        citation: '§512-30 E(6)',
      },
      text('otherOperatorPermitId', 'Other operator\'s permit ID (criterion (d) only)', '', { optional: true, citation: '§512-30 E(6)(d)' }),
    ],
    rules: (answers: FilingAnswers): FieldError[] =>
      answerText(answers, 'speciesCriterion') === 'd' && answerText(answers, 'otherOperatorPermitId') === ''
        ? [{ path: 'otherOperatorPermitId', message: 'Enter the permit ID of the other operator whose certification covers this project area (§512-30 E(6)(d))' }]
        : [],
  },
];
