// The signing page: the whole filing read-only, the certification statement, whether the
// actor may sign now (and why not), one of their security questions picked at random, and
// a fresh idempotency key so a double click or a retry records one submission.
import type { FieldError } from '../../domain/errors.ts';
import { describeFiling, type FilingDescription } from '../../domain/filings/filing-description.ts';
import { missingAttachments } from '../../domain/filings/attachment-rules.ts';
import { filingSchemaFor } from '../../domain/filings/filing-schemas.ts';
import { toFieldErrors } from '../../domain/schema-parsing.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { membershipFor, loadSignerStanding, loadSigningFiling, type SigningFiling } from './signing-records.ts';
import { signingRefusal, type SigningRefusal } from './signing-rules.ts';

export interface SigningPreparation {
  filingId: string;
  organizationId: string;
  organizationName: string;
  facilityName: string;
  description: FilingDescription;
  attachments: SigningFiling['attachments'];
  refusal: SigningRefusal | null;
  /** What still needs fixing before the filing can be signed. */
  incomplete: FieldError[];
  securityQuestion: { slot: number; text: string } | null;
  idempotencyKey: string;
}

/** What still stops signing: answers that break the filing's schema, and required attachments (the NOI's site map, §512-30 B(1)(a)). */
export function incompleteAnswers(
  filing: { kind: Parameters<typeof filingSchemaFor>[0]; jurisdiction_id: string; answers: Record<string, unknown>; attachments: readonly { purpose: string }[] },
  today: string,
): FieldError[] {
  const { schema } = filingSchemaFor(filing.kind, { jurisdictionId: filing.jurisdiction_id, today });
  const result = schema.safeParse(filing.answers);
  return [...(result.success ? [] : toFieldErrors(result.error)), ...missingAttachments(filing.kind, filing.attachments)];
}

export async function prepareSigning(services: Services, options: { actor: Actor; filingId: string }): Promise<SigningPreparation> {
  const roles = await loadActorRoles(services.db, options.actor);
  const filing = await loadSigningFiling(services.db, options.filingId);
  const membership = membershipFor(roles, filing.organization_id);
  const now = services.clock.now();
  const signer = await loadSignerStanding(services.db, roles.userId, filing.organization_id);
  const refusal = signingRefusal({
    kind: filing.kind,
    status: filing.status,
    membership,
    hasEAuthorization: signer.hasEAuthorization,
    signingLockedAt: signer.signingLockedAt,
    now,
  });
  return {
    filingId: filing.id,
    organizationId: filing.organization_id,
    organizationName: filing.organizationName,
    facilityName: filing.facilityName,
    description: describeFiling(filing.kind, filing.answers, { jurisdictionId: filing.jurisdiction_id }),
    attachments: filing.attachments,
    refusal,
    incomplete: incompleteAnswers(filing, now.toISOString().slice(0, 10)),
    ...signer.challenge,
  };
}
