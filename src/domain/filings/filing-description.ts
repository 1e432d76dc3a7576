// A filing's answers in words, section by section, with labels from the law: the review
// page, the read-only signing view and the copy of record all print this.
import { rulePackFor } from '../rule-packs/rule-pack-registry.ts';
import { answerInWords, type FilingAnswers } from './filing-fields.ts';
import { filingKindLabels, type FilingKind } from './filing-kinds.ts';
import { stepsFor } from './filing-schemas.ts';

export interface FilingDescription {
  title: string;
  sections: { id: string; heading: string; items: { label: string; value: string }[] }[];
  certificationStatement: string;
}

/** 40 CFR 122.22(d): the statement every NOI and NOT signer certifies. */
export const generalCertificationStatement =
  'I certify under penalty of law that this document and all attachments were prepared under my direction or supervision in accordance with a system designed to assure that qualified personnel properly gathered and evaluated the information submitted. Based on my inquiry of the person or persons who manage the system, or those persons directly responsible for gathering the information, the information submitted is, to the best of my knowledge and belief, true, accurate, and complete. I am aware that there are significant penalties for submitting false information, including the possibility of fine and imprisonment for knowing violations.';

export function certificationStatementFor(kind: FilingKind, jurisdictionId: string): string {
  if (kind === 'nec') return rulePackFor(jurisdictionId)?.necCertificationStatement ?? generalCertificationStatement;
  return generalCertificationStatement;
}

export function describeFiling(kind: FilingKind, answers: FilingAnswers, context: { jurisdictionId: string }): FilingDescription {
  // Describing never applies date rules, so any day will do.
  const steps = stepsFor(kind, answers, { jurisdictionId: context.jurisdictionId, today: '2000-01-01' });
  return {
    title: filingKindLabels[kind],
    sections: steps
      .filter((step) => step.fields.length > 0)
      .map((step) => ({
        id: step.id,
        heading: `${step.title} (${step.citation})`,
        items: step.fields.map((field) => ({ label: field.label, value: answerInWords(field, answers) })),
      })),
    certificationStatement: certificationStatementFor(kind, context.jurisdictionId),
  };
}
