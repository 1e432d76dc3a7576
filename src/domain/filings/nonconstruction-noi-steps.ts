// Nonconstruction (industrial) Notice of Intent, Menominee §512-30 B(1)(a)–(e) and
// B(2)(a)–(c). Outfalls are a repeatable group: answers `outfalls.<n>.<field>`, with
// `outfallCount` saying how many the discharger has added.
import { amount, answerText, date, facilityStep, longText, text, type FilingAnswers, type FilingField, type FilingStep } from './filing-fields.ts';
import { operatorStep } from './construction-noi-steps.ts';

/** §512-30 B(1)(e)[3]: the parameters sampled at each outfall. */
export const samplingParameters = [
  { key: 'oilAndGrease', label: 'Oil and grease (mg/L)' },
  { key: 'ph', label: 'pH (standard units)' },
  { key: 'bod', label: 'BOD, biochemical oxygen demand (mg/L)' },
  { key: 'cod', label: 'COD, chemical oxygen demand (mg/L)' },
  { key: 'tss', label: 'TSS, total suspended solids (mg/L)' },
  { key: 'totalPhosphorus', label: 'Total phosphorus (mg/L)' },
  { key: 'tkn', label: 'Total Kjeldahl nitrogen, TKN (mg/L)' },
  { key: 'nitratePlusNitrite', label: 'Nitrate plus nitrite nitrogen (mg/L)' },
] as const;

export const MAX_OUTFALLS = 20;

export function outfallCount(answers: FilingAnswers): number {
  const count = Number.parseInt(answerText(answers, 'outfallCount'), 10);
  return Number.isInteger(count) && count >= 1 ? Math.min(count, MAX_OUTFALLS) : 1;
}

const notNegative = (what: string) => ({ value: 0, message: `Enter ${what} of 0 or more` });

export function outfallFields(index: number): FilingField[] {
  const n = index + 1;
  const key = (name: string) => `outfalls.${index}.${name}`;
  return [
    text(key('name'), `Outfall ${n}: name or number`, `Enter a name or number for outfall ${n}`),
    amount(key('imperviousArea'), `Outfall ${n}: impervious area (acres)`, `Enter the impervious area drained by outfall ${n}`, {
      citation: '§512-30 B(1)(b)',
      hint: 'Paved areas and building roofs.',
      min: notNegative('an area'),
    }),
    amount(key('areaDrained'), `Outfall ${n}: total area drained (acres)`, `Enter the total area drained by outfall ${n}`, { citation: '§512-30 B(1)(b)', min: notNegative('an area') }),
    ...samplingParameters.map((p) =>
      amount(key(p.key), `Outfall ${n}: ${p.label}`, `Enter the sampled ${p.label.replace(/ \(.*$/, '')} for outfall ${n}`, {
        citation: '§512-30 B(1)(e)[3]',
        min: p.key === 'ph' ? { value: 0, message: 'Enter a pH between 0 and 14' } : notNegative('a result'),
        max: p.key === 'ph' ? { value: 14, message: 'Enter a pH between 0 and 14' } : undefined,
      }),
    ),
    amount(key('flow'), `Outfall ${n}: flow (gallons per minute, measured or estimated)`, `Enter the flow for outfall ${n}`, {
      citation: '§512-30 B(1)(e)[4]',
      min: notNegative('a flow'),
    }),
    date(key('stormDate'), `Outfall ${n}: date of the storm sampled`, `Enter the date of the storm sampled at outfall ${n}`, { citation: '§512-30 B(1)(e)[5]' }),
    amount(key('stormDurationHours'), `Outfall ${n}: storm duration (hours)`, `Enter the storm's duration in hours for outfall ${n}`, {
      citation: '§512-30 B(1)(e)[5]',
      min: { value: 0, message: 'Enter a duration of more than 0 hours', exclusive: true },
    }),
    amount(key('rainfallInches'), `Outfall ${n}: rainfall (inches)`, `Enter the rainfall in inches for outfall ${n}`, { citation: '§512-30 B(1)(e)[5]', min: notNegative('rainfall') }),
    amount(key('hoursSinceLastStorm'), `Outfall ${n}: hours since the previous storm over 0.1 inch`, `Enter the hours since the previous storm over 0.1 inch for outfall ${n}`, {
      citation: '§512-30 B(1)(e)[5]',
      min: notNegative('a number of hours'),
    }),
  ];
}

export function nonconstructionNoiSteps(answers: FilingAnswers): FilingStep[] {
  return [
    operatorStep('§512-30 B(1), A(2)(a)–(b)'),
    facilityStep('§512-30 B(1)'),
    {
      id: 'site-map',
      title: 'Site map',
      citation: '§512-30 B(1)(a)',
      intro:
        'Upload a site map (PDF, PNG or JPEG) showing topography or the drainage areas of each outfall, drainage and discharge structures, paved areas and buildings, storage and disposal areas, structural controls, loading areas, areas where pesticides or fertilizers are applied, hazardous waste areas, injection wells, and the waters and wetlands that receive stormwater.',
      fields: [],
    },
    {
      id: 'outfalls',
      title: 'Outfalls and sampling results',
      citation: '§512-30 B(1)(b), (e)',
      intro: 'Describe each outfall with its drainage area and the results of samples taken during a storm event (40 CFR 122.21).',
      fields: Array.from({ length: outfallCount(answers) }, (_, i) => outfallFields(i)).flat(),
    },
    {
      id: 'materials',
      title: 'Materials, non-stormwater discharges, leaks and spills',
      citation: '§512-30 B(1)(b)–(d)',
      fields: [
        longText('significantMaterials', 'Significant materials treated, stored or disposed of with exposure to stormwater in the last three years', 'Describe the significant materials of the last three years, or write "None"', {
          citation: '§512-30 B(1)(b)',
        }),
        text('nonStormwaterMethod', 'Method used to test or evaluate outfalls for non-stormwater discharges', 'Enter the test method, such as a dye test or smoke test', {
          citation: '§512-30 B(1)(c)',
        }),
        date('nonStormwaterDate', 'Date of the test or evaluation', 'Enter the date of the test', { citation: '§512-30 B(1)(c)' }),
        longText('nonStormwaterDrainagePoints', 'Onsite drainage points directly observed during the test', 'Enter the drainage points observed during the test', {
          citation: '§512-30 B(1)(c)',
        }),
        longText('leaksAndSpills', 'Significant leaks or spills of toxic or hazardous pollutants in the last three years', 'Describe the leaks and spills of the last three years, or write "None"', {
          citation: '§512-30 B(1)(d)',
        }),
      ],
    },
    {
      id: 'controls',
      title: 'Pollution control measures',
      citation: '§512-30 B(2)(a)–(c)',
      fields: [
        longText('controlsDuringConstruction', 'Measures to control pollutants during construction, with applicable erosion and sediment control requirements', 'Describe the measures during construction', {
          citation: '§512-30 B(2)(a)',
        }),
        longText('controlsAfterConstruction', 'Measures to control pollutants after construction, with applicable erosion and sediment control requirements', 'Describe the measures after construction', {
          citation: '§512-30 B(2)(b)',
        }),
        longText('runoffAndSoil', 'Runoff coefficient, increase in impervious area, nature of fill material, and existing soil or discharge data', 'Describe the runoff coefficient, impervious area increase, fill and soil', {
          citation: '§512-30 B(2)(c)',
        }),
      ],
    },
  ];
}
