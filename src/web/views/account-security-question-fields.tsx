// The three question-and-answer pairs, used by registration and by the profile's change form.
import { securityQuestionSlots } from '../../domain/accounts/account-schemas.ts';
import { securityQuestionKeys, securityQuestions } from '../../domain/accounts/security-questions.ts';
import { Select, TextInput, type FormState } from './form-fields.tsx';

const questionOptions = securityQuestionKeys.map((key) => ({ value: key, label: securityQuestions[key] }));

export const securityQuestionLabels: Record<string, string> = Object.fromEntries(
  securityQuestionSlots.flatMap((slot) => [
    [`question${slot}`, `Security question ${slot}`],
    [`answer${slot}`, `Answer ${slot}`],
  ]),
);

export function SecurityQuestionFields(props: { form: FormState }) {
  return (
    <fieldset class="usa-fieldset">
      <legend class="usa-legend usa-legend--large">Security questions</legend>
      <p class="usa-hint">
        Choose three different questions. You will answer one of them each time you sign a submission or reset your password. Answers
        ignore capital letters and extra spaces.
      </p>
      {securityQuestionSlots.map((slot) => (
        <>
          <Select form={props.form} name={`question${slot}`} label={`Security question ${slot}`} options={questionOptions} placeholder="- Choose a question -" />
          <TextInput form={props.form} name={`answer${slot}`} label={`Answer ${slot}`} autocomplete="off" />
        </>
      ))}
    </fieldset>
  );
}
