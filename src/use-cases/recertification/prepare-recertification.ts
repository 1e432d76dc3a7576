// The recertification page of an NEC (the SMARTS guide, step 5): its details, the eleven
// questions in the law's words, the recertification statement, whether the actor may
// recertify now (and why not), one of their security questions, a fresh idempotency key.
import type { CalendarDate } from '../../domain/assessment/calendar-date.ts';
import { exposureField, recertificationStatement } from '../../domain/recertification/nec-recertification.ts';
import type { RecertificationState } from '../../domain/recertification/recertification-schedule.ts';
import { rulePackFor } from '../../domain/rule-packs/rule-pack-registry.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { membershipFor } from '../signing/signing-records.ts';
import { signerCredentialRefusal, signerRoleRefusal, type SigningRefusal } from '../signing/signing-rules.ts';
import { loadNecForSignerForm } from './nec-records.ts';

export type RecertificationRefusal = SigningRefusal | { reason: 'not-pending'; message: string };

export interface RecertificationPreparation {
  filingId: string;
  organizationId: string;
  facilityId: string;
  permitId: string | null;
  facilityName: string;
  facilityAddress: string;
  dischargerName: string;
  dischargerAddress: string;
  originalCertifiedAt: Date;
  lastRecertifiedAt: Date | null;
  dueDate: CalendarDate;
  state: RecertificationState;
  questions: { field: string; key: string; number: number; text: string; citation: string }[];
  statement: string;
  refusal: RecertificationRefusal | null;
  securityQuestion: { slot: number; text: string } | null;
  idempotencyKey: string;
}

const answerOf = (answers: Record<string, unknown>, name: string): string => (typeof answers[name] === 'string' ? (answers[name] as string) : '');

export async function prepareRecertification(services: Services, options: { actor: Actor; filingId: string }): Promise<RecertificationPreparation> {
  const roles = await loadActorRoles(services.db, options.actor);
  const now = services.clock.now();
  const { nec, signer } = await loadNecForSignerForm(services.db, options.filingId, now, roles.userId);
  const { filing } = nec;
  const membership = membershipFor(roles, filing.organization_id);
  const pack = rulePackFor(filing.jurisdiction_id);
  if (!pack) throw new Error(`No rule pack for jurisdiction ${filing.jurisdiction_id}`);
  const refusal: RecertificationRefusal | null =
    signerRoleRefusal({ kind: 'nec', membership }) ??
    (nec.isPending
      ? null
      : { reason: 'not-pending', message: `This NEC is not pending recertification: the next recertification is due by ${nec.dueDate}.` }) ??
    signerCredentialRefusal({ hasEAuthorization: signer.hasEAuthorization, signingLockedAt: signer.signingLockedAt, now });
  return {
    filingId: filing.id,
    organizationId: filing.organization_id,
    facilityId: filing.facility_id,
    permitId: nec.permitId,
    facilityName: filing.facilityName,
    facilityAddress: answerOf(filing.answers, 'facilityAddress'),
    dischargerName: answerOf(filing.answers, 'dischargerName') || filing.organizationName,
    dischargerAddress: answerOf(filing.answers, 'dischargerAddress'),
    originalCertifiedAt: nec.original.signedAt,
    lastRecertifiedAt: nec.lastRecertification?.signedAt ?? null,
    dueDate: nec.dueDate,
    state: nec.state,
    questions: pack.exposureQuestions.map((q, index) => ({ field: exposureField(q.key), key: q.key, number: index + 1, text: q.text, citation: q.citation })),
    statement: recertificationStatement(pack),
    refusal,
    ...signer.challenge,
  };
}
