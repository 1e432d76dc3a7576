// The closed list of audit event types. Each has a schemaVersion and a zod schema for its
// data; a changed shape gets a new version beside the old one, never an edit of it.
// Changes are recorded as { previous, new } holding only the fields that changed.
import { z } from 'zod';

const change = <T extends z.ZodRawShape>(shape: T) => {
  const partial = z.object(shape).partial();
  return z.object({ previous: partial, new: partial });
};

const facilityFields = {
  name: z.string(),
  address: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  county: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  receivingWaters: z.string(),
  dischargesToMs4: z.boolean(),
  ms4Name: z.string().nullable(),
  inIndianCountry: z.boolean(),
  sicCodes: z.array(z.string()),
  naicsCodes: z.array(z.string()),
  jurisdictionId: z.string(),
};

const empty = z.object({}).strict();

export const auditEventTypes = {
  'user.registered': { schemaVersion: 1, data: z.object({ email: z.string(), name: z.string() }) },
  'user.email-verified': { schemaVersion: 1, data: empty },
  'user.signed-in': { schemaVersion: 1, data: empty },
  'user.sign-in-failed': { schemaVersion: 1, data: z.object({ failedSignIns: z.number().int() }) },
  'user.locked': { schemaVersion: 1, data: z.object({ lockedUntil: z.string(), failedSignIns: z.number().int() }) },
  'user.signed-out': { schemaVersion: 1, data: empty },
  'user.password-reset-requested': { schemaVersion: 1, data: empty },
  'user.password-reset': { schemaVersion: 1, data: empty },
  'user.password-changed': { schemaVersion: 1, data: empty },
  'user.security-questions-changed': {
    schemaVersion: 1,
    data: change({ questions: z.array(z.string()) }),
  },
  'user.security-answer-failed': { schemaVersion: 1, data: z.object({ failedSignIns: z.number().int() }) },
  'user.verification-email-resent': { schemaVersion: 1, data: empty },
  'user.created-by-cli': {
    schemaVersion: 1,
    data: z.object({ email: z.string(), staffRoles: z.array(z.object({ jurisdictionId: z.string(), role: z.string() })) }),
  },
  'organization.created': {
    schemaVersion: 1,
    data: z.object({ name: z.string(), kind: z.string(), jurisdictionId: z.string(), address: z.string(), phone: z.string() }),
  },
  'organization.updated': {
    schemaVersion: 1,
    data: change({ name: z.string(), kind: z.string(), address: z.string(), phone: z.string() }),
  },
  'membership.requested': { schemaVersion: 1, data: z.object({ userId: z.string(), role: z.string() }) },
  'membership.approved': { schemaVersion: 1, data: z.object({ userId: z.string(), role: z.string() }) },
  'membership.refused': { schemaVersion: 1, data: z.object({ userId: z.string(), role: z.string() }) },
  'membership.role-changed': { schemaVersion: 1, data: change({ role: z.string() }) },
  'membership.removed': { schemaVersion: 1, data: z.object({ userId: z.string(), role: z.string() }) },
  'membership.lrp-confirmed': { schemaVersion: 1, data: z.object({ userId: z.string() }) },
  'staff.role-granted': { schemaVersion: 1, data: z.object({ userId: z.string(), jurisdictionId: z.string(), role: z.string() }) },
  'staff.role-revoked': { schemaVersion: 1, data: z.object({ userId: z.string(), jurisdictionId: z.string(), role: z.string() }) },
  'facility.registered': { schemaVersion: 1, data: z.object(facilityFields) },
  'facility.updated': { schemaVersion: 1, data: change(facilityFields) },
  'demo.seeded': { schemaVersion: 1, data: z.object({ users: z.number().int(), facilities: z.number().int() }) },
  'filing.draft-created': { schemaVersion: 1, data: z.object({ kind: z.string(), facilityId: z.string() }) },
  'filing.draft-saved': {
    schemaVersion: 1,
    data: z.object({ step: z.string(), previous: z.record(z.string(), z.unknown()), new: z.record(z.string(), z.unknown()) }),
  },
  'filing.attachment-added': {
    schemaVersion: 1,
    data: z.object({ attachmentId: z.string(), fileName: z.string(), contentType: z.string(), byteSize: z.number().int(), sha256: z.string() }),
  },
  'filing.attachment-removed': { schemaVersion: 1, data: z.object({ attachmentId: z.string(), fileName: z.string(), sha256: z.string() }) },
  // Version 1 (before migration 0008) carried the PDF's hash, rendered at signing; from
  // version 2 the PDF is rendered after the signature commits and its hash is recorded by
  // copy-of-record.rendered. pdfSha256 stays optional so that version 1 data still parses.
  'filing.signed': {
    schemaVersion: 2,
    data: z.object({ submissionId: z.string(), sequence: z.number().int(), kind: z.string(), sha256: z.string(), pdfSha256: z.string().optional() }),
  },
  'filing.signing-failed': { schemaVersion: 1, data: z.object({ reason: z.enum(['password', 'security-answer']), signingFailures: z.number().int() }) },
  'filing.signing-locked': { schemaVersion: 1, data: z.object({ signingFailures: z.number().int() }) },
  'filing.accepted': {
    schemaVersion: 1,
    data: z.object({ submissionId: z.string(), permitId: z.string(), coverageStart: z.string() }),
  },
  'filing.returned': { schemaVersion: 1, data: z.object({ submissionId: z.string(), reasons: z.string() }) },
  'filing.denied': { schemaVersion: 1, data: z.object({ submissionId: z.string(), reasons: z.string() }) },
  'e-authorization.received': { schemaVersion: 1, data: z.object({ userId: z.string(), organizationId: z.string() }) },
  'e-authorization.revoked': { schemaVersion: 1, data: z.object({ userId: z.string(), organizationId: z.string(), reason: z.string() }) },
  'nec.reminder-sent': { schemaVersion: 1, data: z.object({ kind: z.string(), dueDate: z.string(), permitId: z.string().nullable(), recipients: z.number().int() }) },
  'nec.lapsed': { schemaVersion: 1, data: z.object({ dueDate: z.string(), permitId: z.string().nullable(), recipients: z.number().int() }) },
  'import.completed': {
    schemaVersion: 1,
    data: z.object({
      source: z.string(),
      fileName: z.string(),
      sha256: z.string(),
      imported: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      failed: z.number().int(),
    }),
  },
  // Version 2 dropped pdfSha256, as filing.signed did.
  'nec.recertified': {
    schemaVersion: 2,
    data: z.object({ submissionId: z.uuid(), sequence: z.number().int(), sha256: z.string(), pdfSha256: z.string().optional(), dueDate: z.string().nullable() }),
  },
  // The copy of record's PDF, rendered from its canonical JSON after the signature committed
  // and stored once: the copy the signer and the authority keep (CROMERR 40 CFR
  // 3.2000(b)(5)(iv), (vi)).
  'copy-of-record.rendered': { schemaVersion: 1, data: z.object({ submissionId: z.uuid(), pdfSha256: z.string() }) },
} as const;

export type AuditEventType = keyof typeof auditEventTypes;
export type AuditEventData<T extends AuditEventType> = z.input<(typeof auditEventTypes)[T]['data']>;

export function isAuditEventType(value: string): value is AuditEventType {
  return Object.hasOwn(auditEventTypes, value);
}

/** Sentences for history pages, in the words a discharger or reviewer uses. */
export const auditEventLabels: Record<AuditEventType, string> = {
  'user.registered': 'Account registered',
  'user.email-verified': 'E-mail address verified',
  'user.signed-in': 'Signed in',
  'user.sign-in-failed': 'Sign-in failed (wrong password)',
  'user.locked': 'Account locked after failed sign-ins',
  'user.signed-out': 'Signed out',
  'user.password-reset-requested': 'Password reset requested',
  'user.password-reset': 'Password reset',
  'user.password-changed': 'Password changed',
  'user.security-questions-changed': 'Security questions changed',
  'user.security-answer-failed': 'Security question answered wrongly',
  'user.verification-email-resent': 'New e-mail verification link sent',
  'user.created-by-cli': 'Account created from the command line',
  'organization.created': 'Organization created',
  'organization.updated': 'Organization details changed',
  'membership.requested': 'Asked to join the organization',
  'membership.approved': 'Membership approved',
  'membership.refused': 'Membership refused',
  'membership.role-changed': 'Member role changed',
  'membership.removed': 'Member removed',
  'membership.lrp-confirmed': 'Legally Responsible Person confirmed by the authority',
  'staff.role-granted': 'Authority role granted',
  'staff.role-revoked': 'Authority role revoked',
  'facility.registered': 'Facility registered',
  'facility.updated': 'Facility details changed',
  'demo.seeded': 'Demo data loaded',
  'filing.draft-created': 'Draft filing started',
  'filing.draft-saved': 'Draft filing saved',
  'filing.attachment-added': 'Attachment added',
  'filing.attachment-removed': 'Attachment removed',
  'filing.signed': 'Filing signed and submitted',
  'filing.signing-failed': 'Signature refused (wrong password or security answer)',
  'filing.signing-locked': 'Signing locked after wrong answers',
  'filing.accepted': 'Filing accepted; permit ID assigned',
  'filing.returned': 'Filing returned for correction',
  'filing.denied': 'Filing denied',
  'e-authorization.received': 'Electronic signature agreement recorded as received',
  'e-authorization.revoked': 'Electronic signature agreement revoked',
  'nec.reminder-sent': 'NEC recertification reminder sent',
  'nec.lapsed': 'NEC lapsed: not recertified by the due date',
  'import.completed': 'Records imported from another system (e.g. SMARTS)',
  'nec.recertified': 'NEC recertified (signed)',
  'copy-of-record.rendered': 'Copy of record (PDF) made',
};

/** { previous, new } holding only the keys whose values differ. */
export function diffChanges<T extends Record<string, unknown>>(previous: T, next: T): { previous: Partial<T>; new: Partial<T> } {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(previous[key]) !== JSON.stringify(next[key])) {
      before[key] = previous[key];
      after[key] = next[key];
    }
  }
  return { previous: before, new: after };
}
