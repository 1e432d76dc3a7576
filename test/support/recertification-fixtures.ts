// Accepted NECs written straight into the test database, for the recertification list and
// the scheduled sweeps: an organization with a confirmed LRP, the NEC signed on a given day,
// accepted a day later, and optionally recertified (signed again on the accepted filing).
import { addSubmission, createSubmittedFiling } from './filing-review-fixtures.ts';
import { createOrganizationWithMembers, createPerson, type TestOrganization, type TestPerson } from './people.ts';
import type { TestContext } from './test-app.ts';

const DAY_MS = 86_400_000;

export interface AcceptedNec {
  filingId: string;
  lrp: TestPerson;
  organization: TestOrganization;
}

export async function createAcceptedNec(
  t: TestContext,
  options: { jurisdictionId: string; permitId: string; signedAt: string; facilityName: string; organizationName?: string; recertifiedAt?: string },
): Promise<AcceptedNec> {
  const lrp = await createPerson(t);
  const organization = await createOrganizationWithMembers(t, { name: options.organizationName, jurisdictionId: options.jurisdictionId, members: [{ userId: lrp.id, role: 'lrp' }] });
  const signedAt = new Date(options.signedAt);
  const { filingId } = await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: options.jurisdictionId, signerUserId: lrp.id, facilityName: options.facilityName, signedAt });
  const decidedAt = new Date(signedAt.getTime() + DAY_MS);
  await t.services.db.updateTable('filings').set({ status: 'accepted', permit_id: options.permitId, decided_at: decidedAt }).where('id', '=', filingId).execute();
  if (options.recertifiedAt) {
    // addSubmission marks the filing 'submitted' as a resubmission would; a recertification
    // leaves the NEC accepted.
    await addSubmission(t, { filingId, signerUserId: lrp.id, signedAt: new Date(options.recertifiedAt), purpose: 'recertification' });
    await t.services.db.updateTable('filings').set({ status: 'accepted' }).where('id', '=', filingId).execute();
  }
  return { filingId, lrp, organization };
}
