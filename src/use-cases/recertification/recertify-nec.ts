// Recertifies an NEC (the SMARTS guide, step 5; Menominee §512-30 B(7)(a)[2]–[3]): the LRP
// answers the eleven questions again, affirms the recertification statement and signs with
// password and security answer. Any "Yes" cannot be recertified: the facility is exposed
// and needs NOI coverage before the change (B(7)(c)[3]); nothing is signed or recorded and
// the caller offers the NOI. Otherwise one statement writes the copy of record on the
// NEC's own filing (which moves its due date), the audit event and the acknowledgments
// (storeSubmission), checking as it does that the NEC is still accepted coverage and that
// nothing was signed on it since it was read.
import { z } from 'zod';
import type { ExposureKey } from '../../domain/assessment/assessment-types.ts';
import { AppError, validationError, type FieldError } from '../../domain/errors.ts';
import {
  exposedRecertificationItems,
  recertificationAnswersSchema,
  recertificationStatement,
  type RecertificationAnswers,
} from '../../domain/recertification/nec-recertification.ts';
import { rulePackFor } from '../../domain/rule-packs/rule-pack-registry.ts';
import { toFieldErrors } from '../../domain/schema-parsing.ts';
import { loadActorRoles } from '../authorization.ts';
import { refreshFacilityListing } from '../public-records/refresh-facility-listing.ts';
import type { Actor, Services } from '../services.ts';
import { membershipFor } from '../signing/signing-records.ts';
import { signerCredentialRefusal, signerRoleRefusal } from '../signing/signing-rules.ts';
import {
  confirmSignerCredentials,
  findSubmissionByKey,
  formAlreadyUsed,
  prepareSubmission,
  storeSubmission,
  SubmissionRefused,
  type SignedSubmission,
} from '../signing/write-submission.ts';
import { describeRecertification } from '../../domain/recertification/recertification-description.ts';
import { loadNec, loadNecForSignature } from './nec-records.ts';

const signatureSchema = z.object({
  idempotencyKey: z.string({ error: 'Reload the page and recertify again' }).min(16, 'Reload the page and recertify again').max(200, 'Reload the page and recertify again'),
  certify: z.literal(true, { error: 'Tick the box to certify the recertification statement' }),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
  securitySlot: z.coerce.number({ error: 'Reload the page and recertify again' }).int('Reload the page and recertify again'),
  securityAnswer: z.string({ error: 'Answer your security question' }).trim().min(1, 'Answer your security question'),
});

export interface RecertifyOptions {
  actor: Actor;
  filingId: string;
  /** exposureA … exposureK: 'yes' | 'no'. */
  answers: Record<string, unknown>;
  idempotencyKey: string;
  certify: boolean;
  password: string;
  securitySlot: number | string;
  securityAnswer: string;
}

export type RecertifyOutcome =
  | { outcome: 'recertified'; submission: SignedSubmission }
  | { outcome: 'exposed'; exposed: ExposureKey[]; facilityId: string };

export async function recertifyNec(services: Services, options: RecertifyOptions): Promise<RecertifyOutcome> {
  const roles = await loadActorRoles(services.db, options.actor);
  // The NEC and the signer's credentials are read together; a slot that is not a number
  // reads no answer, and the form's checks below name it.
  const slot = signatureSchema.shape.securitySlot.safeParse(options.securitySlot);
  const { nec, signer: user } = await loadNecForSignature(services.db, options.filingId, services.clock.now(), {
    idempotencyKey: options.idempotencyKey,
    userId: roles.userId,
    securitySlot: slot.success ? slot.data : null,
  });
  const membership = membershipFor(roles, nec.filing.organization_id);
  const roleRefusal = signerRoleRefusal({ kind: 'nec', membership });
  if (roleRefusal) throw new AppError('forbidden', roleRefusal.message);
  if (nec.formSubmission) {
    // A retried form: the recertification it made, if the same signer sends it.
    if (nec.formSubmission.signerUserId !== roles.userId) throw formAlreadyUsed();
    const { id, sha256, sequence } = nec.formSubmission;
    return { outcome: 'recertified', submission: { submissionId: id, sha256, sequence, alreadySigned: true } };
  }
  if (!nec.isPending) throw new AppError('conflict', `This NEC is not pending recertification: the next recertification is due by ${nec.dueDate}.`);
  const pack = rulePackFor(nec.filing.jurisdiction_id);
  if (!pack) throw new Error(`No rule pack for jurisdiction ${nec.filing.jurisdiction_id}`);

  const answersResult = recertificationAnswersSchema(pack).safeParse(options.answers);
  if (answersResult.success) {
    const exposed = exposedRecertificationItems(answersResult.data);
    if (exposed.length > 0) return { outcome: 'exposed', exposed, facilityId: nec.filing.facility_id };
  }
  const signatureResult = signatureSchema.safeParse({
    idempotencyKey: options.idempotencyKey,
    certify: options.certify,
    password: options.password,
    securitySlot: options.securitySlot,
    securityAnswer: options.securityAnswer,
  });
  const errors: FieldError[] = [
    ...(answersResult.success ? [] : toFieldErrors(answersResult.error)),
    ...(signatureResult.success ? [] : toFieldErrors(signatureResult.error)),
  ];
  if (!answersResult.success || !signatureResult.success) throw validationError(errors);
  const answers: RecertificationAnswers = answersResult.data;
  const input = signatureResult.data;

  const now = services.clock.now();
  const credentialRefusal = signerCredentialRefusal({ hasEAuthorization: user.hasEAuthorization, signingLockedAt: user.signingLockedAt, now });
  if (credentialRefusal) throw new AppError('forbidden', credentialRefusal.message);
  await confirmSignerCredentials(services, {
    actor: options.actor,
    actorRole: membership.role,
    userId: roles.userId,
    credentials: user,
    filing: nec.filing,
    password: input.password,
    securityAnswer: input.securityAnswer,
  });

  // The copy of record is made before it is stored (its PDF is rendered after commit).
  const signer = { userId: roles.userId, name: user.name, email: user.email, role: membership.role };
  const certifiedAnswers = { ...nec.filing.answers, ...answers };
  const prepared = await prepareSubmission(services.db, {
    filing: nec.filing,
    answers: certifiedAnswers,
    attachments: nec.filing.attachments,
    description: describeRecertification({
      jurisdictionId: nec.filing.jurisdiction_id,
      permitId: nec.permitId,
      facilityName: nec.filing.facilityName,
      answers: certifiedAnswers,
      originalCertifiedAt: nec.original.signedAt,
      lastRecertifiedAt: nec.lastRecertification?.signedAt ?? null,
      dueDate: nec.dueDate,
      statement: recertificationStatement(pack),
    }),
    signer,
    signerHasFailures: user.hasFailuresToClear,
    actor: options.actor,
    idempotencyKey: input.idempotencyKey,
    purpose: 'recertification',
    recertification: { dueDate: nec.dueDate, lastCertified: nec.lastCertified, answers },
    signedAt: now,
  }, { lastSequence: nec.lastSequence });

  const acknowledgment = {
    otherLrpEmails: user.otherLrpEmails,
    subject: `Recertified: No Exposure Certification ${nec.permitId ?? ''} for ${nec.filing.facilityName}`.replace('  ', ' '),
    summary: `${user.name} recertified the No Exposure Certification ${nec.permitId ?? ''} of ${nec.filing.facilityName} (${nec.filing.organizationName}) on ${now.toISOString()}. It was due by ${nec.dueDate}.`,
  };
  // Storing locks the NEC's row and checks that it is still accepted coverage; the copy's
  // number (the last read plus one) and the form's idempotency key are unique, so if anything
  // was signed on the NEC since it was read, or this form was sent twice (a double click, two
  // LRPs), the database refuses all of it (SubmissionRefused).
  const guard = { status: 'accepted' as const, now, userId: roles.userId };
  try {
    const submission =
      nec.state === 'lapsed'
        ? // A lapsed NEC recertified late is active again on the public listing (§512-30
          // B(7)(a)[3]): the listing reads the new submission, so it is refreshed after it, in
          // one transaction (the audit chain's lock is then held a few statements longer, for
          // late recertifications only). An NEC recertified in time was never listed as
          // lapsed, and nothing else on its listing moves, so only a lapsed one is refreshed.
          await services.db.transaction().execute(async (tx) => {
            const stored = await storeSubmission(tx, services, prepared, acknowledgment, guard);
            await refreshFacilityListing(tx, nec.filing.facility_id, now);
            return stored;
          })
        : await storeSubmission(services.db, services, prepared, acknowledgment, guard);
    return { outcome: 'recertified', submission };
  } catch (error) {
    if (!(error instanceof SubmissionRefused)) throw error;
  }
  // Refused: a retry of this form finds the recertification it made; anyone else is told
  // what happened to the NEC since they read it.
  const raced = await findSubmissionByKey(services.db, input.idempotencyKey, nec.filing.id, roles.userId);
  if (raced) return { outcome: 'recertified', submission: raced };
  const current = await loadNec(services.db, nec.filing.id, now).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not-found') throw new AppError('conflict', 'This NEC is no longer accepted coverage. Reload the page to see it.');
    throw error;
  });
  throw new AppError('conflict', `This NEC was just recertified: the next recertification is due by ${current.dueDate}.`);
}
