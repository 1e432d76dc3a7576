// Signing fixtures written straight into the test database: security answers for a person
// (every answer 'blue'), a complete draft NEC for a new facility, and an eAuthorization
// on record, so signing tests need not draft or register through the pages.
import type { TestContext } from './test-app.ts';
import { hashSecurityAnswer } from '../../src/use-cases/accounts/secret-hashing.ts';
import { createFacility } from './filing-review-fixtures.ts';

export const TEST_SECURITY_ANSWER = 'blue';
const questionKeys = ['first-pet', 'birth-city', 'first-car'];
let answerHash: Promise<string> | undefined;

export async function giveSecurityAnswers(t: TestContext, userId: string): Promise<void> {
  answerHash ??= hashSecurityAnswer(TEST_SECURITY_ANSWER);
  const hash = await answerHash;
  await t.services.db
    .insertInto('security_answers')
    .values(questionKeys.map((key, index) => ({ user_id: userId, slot: index + 1, question_key: key, answer_hash: hash })))
    .execute();
}

/** Every NEC answer §512-30 B(7)(d) asks for, with nothing exposed. */
export function completeNecAnswers(facilityName: string): Record<string, string> {
  const answers: Record<string, string> = {
    dischargerName: 'Test Mill Co.',
    dischargerAddress: '1 Main St, Keshena, WI 54135',
    dischargerPhone: '715-555-0101',
    facilityName,
    facilityAddress: '1 Mill Rd, Keshena, WI 54135',
    facilityCounty: 'Menominee',
    latitude: '44.88',
    longitude: '-88.63',
  };
  for (const key of 'abcdefghijk') answers[`exposure${key.toUpperCase()}`] = 'no';
  return answers;
}

export async function createDraftNec(
  t: TestContext,
  options: { organizationId: string; createdBy: string; jurisdictionId?: string; answers?: Record<string, string> },
): Promise<{ filingId: string; facilityId: string }> {
  const jurisdictionId = options.jurisdictionId ?? 'menominee';
  const facilityName = 'Keshena Sawmill';
  const facilityId = await createFacility(t, { organizationId: options.organizationId, jurisdictionId, county: 'Menominee', name: facilityName });
  const now = t.clock.now();
  const row = await t.services.db
    .insertInto('filings')
    .values({
      organization_id: options.organizationId,
      facility_id: facilityId,
      jurisdiction_id: jurisdictionId,
      kind: 'nec',
      status: 'draft',
      schema_version: 1,
      answers: JSON.stringify(options.answers ?? completeNecAnswers(facilityName)),
      created_by: options.createdBy,
      created_at: now,
      updated_at: now,
      updated_by: options.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { filingId: row.id, facilityId };
}

export async function putEAuthorizationOnRecord(t: TestContext, options: { userId: string; organizationId: string; reviewerId: string }): Promise<void> {
  await t.services.db
    .insertInto('e_authorizations')
    .values({ user_id: options.userId, organization_id: options.organizationId, status: 'received', received_at: t.clock.now(), received_by: options.reviewerId })
    .execute();
}
