// What the registration form offers: the organizations where the actor may register a
// facility, and the jurisdictions. Naming an organization the actor may not register for
// is refused here, before the form is shown.
import { forbidden } from '../../domain/errors.ts';
import { listMyOrganizations, type MyOrganization } from '../organizations/list-my-organizations.ts';
import { listJurisdictions, type JurisdictionChoice } from '../organizations/list-jurisdictions.ts';
import type { Actor, Services } from '../services.ts';

export interface FacilityRegistrationChoices {
  organizations: MyOrganization[];
  jurisdictions: JurisdictionChoice[];
  /** The organization named in the request, when there is one. */
  organization: MyOrganization | null;
}

export async function prepareFacilityRegistration(
  services: Pick<Services, 'db'>,
  options: { actor: Actor; organizationId?: string | null },
): Promise<FacilityRegistrationChoices> {
  const mine = await listMyOrganizations(services, { actor: options.actor });
  const organizations = mine.filter((o) => o.canRegisterFacilities);
  let organization: MyOrganization | null = null;
  if (options.organizationId) {
    organization = organizations.find((o) => o.organizationId === options.organizationId) ?? null;
    if (!organization) throw forbidden('You cannot register facilities for this organization.');
  }
  return { organizations, jurisdictions: await listJurisdictions(services), organization };
}
