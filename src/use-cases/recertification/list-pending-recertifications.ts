// The Recertification › Industrial list (the SMARTS guide, steps 3–4): the NECs of the
// actor's organizations that are pending recertification, and only those (note 2), each by
// its WDID with the facility's name and the due date.
import { isPendingRecertification } from '../../domain/recertification/nec-recertification.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { necRecertificationStates, type NecRecertificationState } from './nec-recertification-states.ts';

export async function listPendingRecertifications(services: Services, options: { actor: Actor }): Promise<NecRecertificationState[]> {
  const roles = await loadActorRoles(services.db, options.actor);
  const now = services.clock.now();
  const states = await necRecertificationStates(services.db, { organizationIds: [...roles.memberships.keys()], now });
  return states.filter((s) => isPendingRecertification(s.state)).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || (a.permitId ?? '').localeCompare(b.permitId ?? ''));
}
