// The challenge questions a user picks three of at registration (CROMERR, 40 CFR 3.2000
// (b)(5)(vii): a second factor at every signature). Answers are compared after
// normalisation, so "  Green  BAY " and "green bay" match.
export const securityQuestions = {
  'first-street': 'What was the name of the street you grew up on?',
  'first-pet': 'What was the name of your first pet?',
  'mother-maiden': "What is your mother's maiden name?",
  'first-school': 'What was the name of your first school?',
  'birth-city': 'In what city were you born?',
  'first-job': 'What was your first job?',
  'favorite-teacher': 'What was the last name of your favorite teacher?',
  'first-car': 'What was the make of your first car?',
  'childhood-friend': 'What was the first name of your childhood best friend?',
  'father-middle': "What is your father's middle name?",
} as const;

export type SecurityQuestionKey = keyof typeof securityQuestions;
export const securityQuestionKeys = Object.keys(securityQuestions) as SecurityQuestionKey[];

export function isSecurityQuestionKey(value: string): value is SecurityQuestionKey {
  return Object.hasOwn(securityQuestions, value);
}

/** Case, surrounding and repeated spaces do not count. */
export function normalizeSecurityAnswer(answer: string): string {
  return answer.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
