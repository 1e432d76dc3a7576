// Reads shared by the facility use cases (not a use case itself).
import { notFound } from '../../domain/errors.ts';
import type { FacilityRecord } from '../../domain/facilities/facility-input.ts';
import { isRecordId } from '../../domain/organizations/record-id.ts';
import type { FacilityRow } from '../../db/schema.ts';
import type { Db, Tx } from '../services.ts';

export interface FacilityDetailsView extends FacilityRecord {
  id: string;
  organizationId: string;
  organizationName: string;
  jurisdictionName: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns as the audit trail and the forms name them (numeric comes back as text). */
export function toFacilityRecord(row: FacilityRow): FacilityRecord {
  return {
    name: row.name,
    address: row.address,
    city: row.city,
    state: row.state,
    zip: row.zip,
    county: row.county,
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    receivingWaters: row.receiving_waters,
    dischargesToMs4: row.discharges_to_ms4,
    ms4Name: row.ms4_name,
    inIndianCountry: row.in_indian_country,
    sicCodes: row.sic_codes,
    naicsCodes: row.naics_codes,
    jurisdictionId: row.jurisdiction_id,
  };
}

export function toFacilityColumns(facility: FacilityRecord) {
  return {
    name: facility.name,
    address: facility.address,
    city: facility.city,
    state: facility.state,
    zip: facility.zip,
    county: facility.county,
    latitude: facility.latitude,
    longitude: facility.longitude,
    receiving_waters: facility.receivingWaters,
    discharges_to_ms4: facility.dischargesToMs4,
    ms4_name: facility.ms4Name,
    in_indian_country: facility.inIndianCountry,
    sic_codes: facility.sicCodes,
    naics_codes: facility.naicsCodes,
    jurisdiction_id: facility.jurisdictionId,
  };
}

export async function findFacility(db: Db | Tx, facilityId: string, options: { lock?: boolean } = {}): Promise<FacilityDetailsView> {
  if (!isRecordId(facilityId)) throw notFound('The facility');
  let query = db
    .selectFrom('facilities')
    .innerJoin('organizations', 'organizations.id', 'facilities.organization_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'facilities.jurisdiction_id')
    .selectAll('facilities')
    .select(['organizations.name as organization_name', 'jurisdictions.name as jurisdiction_name'])
    .where('facilities.id', '=', facilityId);
  if (options.lock) query = query.forUpdate('facilities');
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('The facility');
  return {
    ...toFacilityRecord(row),
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    jurisdictionName: row.jurisdiction_name,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** A jurisdiction chosen on the form must exist. */
export async function jurisdictionExists(db: Db | Tx, jurisdictionId: string): Promise<boolean> {
  return (await db.selectFrom('jurisdictions').select('id').where('id', '=', jurisdictionId).executeTakeFirst()) !== undefined;
}
