// The jurisdictions a form offers (public data: anyone may read it).
import type { Services } from '../services.ts';

export interface JurisdictionChoice {
  id: string;
  name: string;
}

export async function listJurisdictions(services: Pick<Services, 'db'>): Promise<JurisdictionChoice[]> {
  return services.db.selectFrom('jurisdictions').select(['id', 'name']).orderBy('name').execute();
}
