// No Exposure Certification, Menominee §512-30 B(7)(d)[1]–[4]: who discharges, where, the
// eleven exposure questions (with B(7)(b)'s help), and the certification statement, which
// comes word for word from the rule pack and is shown, never typed.
import { exposureKeys, type ExposureKey } from '../assessment/assessment-types.ts';
import { rulePackFor } from '../rule-packs/rule-pack-registry.ts';
import { answerText, facilityStep, phone, text, yesNo, type FilingAnswers, type FilingContext, type FilingStep } from './filing-fields.ts';

export const exposureField = (key: ExposureKey) => `exposure${key.toUpperCase()}`;

/** The exposure items answered yes: an NEC cannot be filed while any is exposed. */
export function exposedItems(answers: FilingAnswers): ExposureKey[] {
  return exposureKeys.filter((key) => answerText(answers, exposureField(key)) === 'yes');
}

export const exposureChangeCitation = '§512-30 B(7)(c)[3]';

export function necSteps(context: FilingContext): FilingStep[] {
  const pack = rulePackFor(context.jurisdictionId);
  const shelterHelp = pack?.shelterExceptions.map((e) => e.text).join(' ');
  return [
    {
      id: 'discharger',
      title: 'The discharger',
      citation: '§512-30 B(7)(d)[1]',
      fields: [
        text('dischargerName', 'Discharger\'s legal name', 'Enter the discharger\'s legal name'),
        text('dischargerAddress', 'Discharger\'s mailing address', 'Enter the discharger\'s mailing address'),
        phone('dischargerPhone', 'Discharger\'s telephone number'),
      ],
    },
    facilityStep('§512-30 B(7)(d)[2]'),
    {
      id: 'exposure',
      title: 'Exposure of materials and activities',
      citation: '§512-30 B(7)(d)[3]',
      intro:
        'Answer yes if the material or activity is exposed to precipitation or runoff now, or could be in the foreseeable future. ' +
        (shelterHelp ? `These need no storm-resistant shelter: ${shelterHelp}` : ''),
      fields: exposureKeys.map((key) => {
        const question = pack?.exposureQuestions.find((q) => q.key === key);
        return yesNo(exposureField(key), `[${key}] ${question?.text ?? `Exposure question ${key}`}`, `Select yes or no for question [${key}]`, {
          citation: question?.citation ?? `§512-30 B(7)(d)[3][${key}]`,
        });
      }),
      rules: (answers) =>
        exposedItems(answers).map((key) => ({
          path: exposureField(key),
          message: `Item [${key}] is exposed, so a No Exposure Certification cannot be filed (§512-30 B(7)(d)[3][${key}]); the facility needs NOI coverage before the change (${exposureChangeCitation}).`,
        })),
    },
  ];
}
