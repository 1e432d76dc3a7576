// Demo No Exposure Certifications, signed and accepted in the past so that the
// Recertification › Industrial list has something to show: one Menominee NEC due for its
// five-year recertification within weeks, one certified last year (current, so not
// listed — the SMARTS guide's note 2), and one California NEC from an earlier reporting year.
// They go through the real copy-of-record writer and the real acceptance, on a clock set
// to the day each happened.
import { randomBytes } from 'node:crypto';
import { exposureKeys } from '../../domain/assessment/assessment-types.ts';
import { describeFiling } from '../../domain/filings/filing-description.ts';
import { filingSchemaVersions } from '../../domain/filings/filing-schemas.ts';
import { exposureField } from '../../domain/recertification/nec-recertification.ts';
import { acceptFiling } from '../review/accept-filing.ts';
import type { Actor, Services } from '../services.ts';
import { incompleteAnswers } from '../signing/prepare-signing.ts';
import { loadSigningFiling } from '../signing/signing-records.ts';
import { writeSubmission } from '../signing/write-submission.ts';
import { demoFacilities, demoOrganization, DEMO_EMAIL_DOMAIN } from './demo-data.ts';

const DAY_MS = 86_400_000;

/** Which demo facility certifies no exposure, and when it signed (years and days before today). */
export const demoNecs = [
  // Five years less 30 days ago: its five-year recertification is due in 30 days.
  { facilityName: 'Neopit Steel Fabrication', reviewer: `reviewer.menominee@${DEMO_EMAIL_DOMAIN}`, signedYearsAgo: 5, thenDaysLater: 30 },
  { facilityName: 'Zoar Transfer Station', reviewer: `reviewer.menominee@${DEMO_EMAIL_DOMAIN}`, signedYearsAgo: 0, thenDaysLater: -400 },
  { facilityName: 'West Sacramento Metal Works', reviewer: `reviewer.california@${DEMO_EMAIL_DOMAIN}`, signedYearsAgo: 0, thenDaysLater: -420 },
] as const;

function signingDay(now: Date, yearsAgo: number, thenDaysLater: number): Date {
  const day = new Date(now);
  day.setUTCFullYear(day.getUTCFullYear() - yearsAgo);
  return new Date(day.getTime() + thenDaysLater * DAY_MS);
}

export async function seedDemoNecs(services: Services, options: { actor: Actor; organizationId: string }): Promise<string[]> {
  const { db } = services;
  const lrp = await db.selectFrom('users').select(['id', 'name', 'email']).where('email', '=', `lrp@${DEMO_EMAIL_DOMAIN}`).executeTakeFirstOrThrow();
  const filingIds: string[] = [];
  for (const nec of demoNecs) {
    const facility = await db
      .selectFrom('facilities')
      .selectAll()
      .where('organization_id', '=', options.organizationId)
      .where('name', '=', nec.facilityName)
      .executeTakeFirstOrThrow();
    const demoFacility = demoFacilities.find((f) => f.name === nec.facilityName)!;
    const reviewer = await db.selectFrom('users').select('id').where('email', '=', nec.reviewer).executeTakeFirstOrThrow();
    const signedAt = signingDay(services.clock.now(), nec.signedYearsAgo, nec.thenDaysLater);
    const acceptedAt = new Date(signedAt.getTime() + 3 * DAY_MS);
    const answers: Record<string, string> = {
      dischargerName: demoOrganization.name,
      dischargerAddress: demoOrganization.address,
      dischargerPhone: demoOrganization.phone,
      facilityName: facility.name,
      facilityAddress: `${facility.address}, ${facility.city}, ${facility.state} ${facility.zip}`,
      facilityCounty: facility.county,
      latitude: String(demoFacility.latitude),
      longitude: String(demoFacility.longitude),
      ...Object.fromEntries(exposureKeys.map((key) => [exposureField(key), 'no'])),
    };
    const filingId = await db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('filings')
        .values({
          organization_id: options.organizationId,
          facility_id: facility.id,
          jurisdiction_id: facility.jurisdiction_id,
          kind: 'nec',
          status: 'submitted',
          schema_version: filingSchemaVersions.nec,
          answers: JSON.stringify(answers),
          created_by: lrp.id,
          created_at: signedAt,
          updated_at: signedAt,
          updated_by: lrp.id,
          submitted_at: signedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const filing = await loadSigningFiling(tx, row.id);
      const incomplete = incompleteAnswers(filing, signedAt.toISOString().slice(0, 10));
      if (incomplete.length > 0) throw new Error(`Demo NEC for ${facility.name} is incomplete: ${incomplete.map((e) => e.path).join(', ')}`);
      await writeSubmission(tx, { ...services, clock: { now: () => signedAt } }, {
        filing,
        answers,
        attachments: [],
        description: describeFiling('nec', answers, { jurisdictionId: facility.jurisdiction_id }),
        signer: { userId: lrp.id, name: lrp.name, email: lrp.email, role: 'lrp' },
        signerHasFailures: false,
        actor: options.actor,
        idempotencyKey: `demo-${randomBytes(12).toString('base64url')}`,
        purpose: 'filing',
        signedAt,
      }, null);
      return row.id;
    });
    await acceptFiling({ ...services, clock: { now: () => acceptedAt } }, { actor: { userId: reviewer.id, ip: null, userAgent: 'outfall-demo' }, filingId });
    filingIds.push(filingId);
  }
  return filingIds;
}
