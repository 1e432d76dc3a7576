// A member starts a draft filing for a facility, prefilled from the organization and the
// facility. A kind the facility cannot file (an NEC for construction) is refused with the
// citation.
import { validationError } from '../../domain/errors.ts';
import { wrongKindRefusal } from '../../domain/filings/filing-applicability.ts';
import { filingKinds, type FilingKind } from '../../domain/filings/filing-kinds.ts';
import { filingSchemaVersions, stepsFor } from '../../domain/filings/filing-schemas.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireOrganizationPermission } from '../authorization.ts';
import { findFacility, type FacilityDetailsView } from '../facilities/facility-records.ts';
import type { Actor, Services } from '../services.ts';
import { findOrganization, todayOf, type FilingOrganization } from './filing-records.ts';

export function isFilingKind(value: unknown): value is FilingKind {
  return typeof value === 'string' && (filingKinds as readonly string[]).includes(value);
}

function prefill(organization: FilingOrganization, facility: FacilityDetailsView): Record<string, string> {
  const facilityAddress = `${facility.address}, ${facility.city}, ${facility.state} ${facility.zip}`;
  return {
    dischargerName: organization.name,
    dischargerAddress: organization.address,
    dischargerPhone: organization.phone,
    operatorName: organization.name,
    operatorAddress: organization.address,
    operatorPhone: organization.phone,
    facilityName: facility.name,
    facilityAddress,
    facilityCounty: facility.county,
    siteName: facility.name,
    siteAddress: facilityAddress,
    siteCounty: facility.county,
    latitude: String(facility.latitude),
    longitude: String(facility.longitude),
    indianCountry: facility.inIndianCountry ? 'yes' : 'no',
    receivingWaters: facility.receivingWaters,
  };
}

export async function startFiling(services: Services, options: { actor: Actor; facilityId: string; kind: unknown }): Promise<{ filingId: string }> {
  const roles = await loadActorRoles(services.db, options.actor);
  const facility = await findFacility(services.db, options.facilityId);
  const member = requireOrganizationPermission(roles, facility.organizationId, 'filing.draft');
  if (!isFilingKind(options.kind)) throw validationError([{ path: 'kind', message: 'Select the kind of filing to start' }]);
  const kind = options.kind;
  const refusal = wrongKindRefusal(facility, kind);
  if (refusal) throw validationError([{ path: 'kind', message: refusal.message }], refusal.message);

  const organization = await findOrganization(services.db, facility.organizationId);
  const today = todayOf(services.clock);
  const fieldNames = new Set(stepsFor(kind, {}, { jurisdictionId: facility.jurisdictionId, today }).flatMap((s) => s.fields.map((f) => f.name)));
  const answers = Object.fromEntries(Object.entries(prefill(organization, facility)).filter(([name]) => fieldNames.has(name)));

  return services.db.transaction().execute(async (tx) => {
    const now = services.clock.now();
    const row = await tx
      .insertInto('filings')
      .values({
        organization_id: facility.organizationId,
        facility_id: facility.id,
        jurisdiction_id: facility.jurisdictionId,
        kind,
        status: 'draft',
        schema_version: filingSchemaVersions[kind],
        answers: JSON.stringify(answers),
        created_by: roles.userId,
        created_at: now,
        updated_at: now,
        updated_by: roles.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAuditEvent(tx, services.clock, {
      type: 'filing.draft-created',
      data: { kind, facilityId: facility.id },
      actor: options.actor,
      actorRole: member.role,
      organizationId: facility.organizationId,
      jurisdictionId: facility.jurisdictionId,
      subject: { type: 'filing', id: row.id },
    });
    return { filingId: row.id };
  });
}
