// Generated facilities for the search benchmark, written by the database itself
// (INSERT … SELECT generate_series): names made of word lists picked by a hash of the row
// number, so they repeat as real names do ("Pacific Valley Recycling" many times, in many
// counties), California-style WDIDs, 58 counties, mostly active permits.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';

const firstWords = [
  'Pacific', 'Golden', 'Sierra', 'Valley', 'Coastal', 'Redwood', 'Harbor', 'Summit', 'Mission', 'Desert', 'Cascade', 'Bayview', 'Canyon', 'Orchard', 'Delta',
  'Sequoia', 'Mariposa', 'Shasta', 'Tahoe', 'Monterey', 'Santa Rosa', 'Oakridge', 'Riverside', 'Lakeside', 'Hillcrest', 'Granite', 'Cypress', 'Willow', 'Sunset',
  'Meridian', 'Pioneer', 'Frontier', 'Eagle', 'Falcon', 'Condor', 'Bear Creek', 'Elk Grove', 'Pine Ridge', 'Stone Bridge', 'Silver Lake', 'Iron Horse', 'Blue Oak',
  'Copper', 'Keystone', 'Liberty', 'Heritage', 'Westside', 'Eastgate', 'Northbay', 'Southfork', 'Crescent', 'Palomar', 'Diablo', 'Tamalpais', 'Yosemite', 'Kern',
  'Mojave', 'Alpine', 'Madrone', 'Manzanita',
];
const secondWords = [
  'Metal', 'Steel', 'Lumber', 'Auto', 'Truck', 'Concrete', 'Asphalt', 'Paper', 'Plastics', 'Chemical', 'Food', 'Dairy', 'Wine', 'Citrus', 'Almond', 'Glass',
  'Textile', 'Electronics', 'Aerospace', 'Marine', 'Rail', 'Freight', 'Waste', 'Scrap', 'Salvage', 'Battery', 'Paint', 'Cement', 'Brick', 'Timber', 'Packing',
  'Printing', 'Fuel', 'Oil', 'Gas', 'Water', 'Power', 'Solar', 'Tire', 'Bus', 'Aggregate', 'Gravel', 'Sand', 'Compost', 'Feed', 'Grain', 'Meat', 'Poultry',
  'Seafood', 'Bakery', 'Beverage', 'Pharma', 'Foundry', 'Forge', 'Machine', 'Tool', 'Cabinet', 'Furniture', 'Boat', 'Aviation',
];
const thirdWords = [
  'Works', 'Recycling', 'Yard', 'Plant', 'Mill', 'Depot', 'Terminal', 'Facility', 'Center', 'Shop', 'Fabrication', 'Processing', 'Distribution', 'Warehouse',
  'Transfer Station', 'Landfill', 'Maintenance Yard', 'Manufacturing', 'Products', 'Industries', 'Supply', 'Services', 'Company', 'Corporation', 'Partners',
  'Holdings', 'Logistics', 'Operations', 'Storage', 'Refinery',
];
export const benchCounties = [
  'Alameda', 'Alpine', 'Amador', 'Butte', 'Calaveras', 'Colusa', 'Contra Costa', 'Del Norte', 'El Dorado', 'Fresno', 'Glenn', 'Humboldt', 'Imperial', 'Inyo',
  'Kern', 'Kings', 'Lake', 'Lassen', 'Los Angeles', 'Madera', 'Marin', 'Mariposa', 'Mendocino', 'Merced', 'Modoc', 'Mono', 'Monterey', 'Napa', 'Nevada',
  'Orange', 'Placer', 'Plumas', 'Riverside', 'Sacramento', 'San Benito', 'San Bernardino', 'San Diego', 'San Francisco', 'San Joaquin', 'San Luis Obispo',
  'San Mateo', 'Santa Barbara', 'Santa Clara', 'Santa Cruz', 'Shasta', 'Sierra', 'Siskiyou', 'Solano', 'Sonoma', 'Stanislaus', 'Sutter', 'Tehama', 'Trinity',
  'Tulare', 'Tuolumne', 'Ventura', 'Yolo', 'Yuba',
];
const waters = ['Sacramento River', 'San Joaquin River', 'Santa Ana River', 'Los Angeles River', 'San Francisco Bay', 'Pacific Ocean', 'American River', 'Russian River', 'Salinas River', 'Kern River'];

const array = (words: string[]) => sql.raw(`(ARRAY[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}])`);
/** A stable pseudo-random index 1..n from the row number and a salt. */
const pick = (n: number, salt: number) => sql.raw(`(1 + (abs(hashint4(i * ${salt} + ${salt})) % ${n}))`);

const BATCH = 100_000;

export async function generateFacilities(db: Kysely<Database>, rows: number): Promise<{ rows: number; organizations: number; ms: number; indexMs: number }> {
  const organizations = Math.max(1, Math.floor(rows / 4));
  const started = performance.now();
  // A bulk load builds its GIN indexes once afterwards (as a restore does), not row by row.
  await sql`DROP INDEX facility_listings_name_trgm`.execute(db);
  await sql`DROP INDEX facility_listings_search_words`.execute(db);
  await sql`
    INSERT INTO organizations (id, jurisdiction_id, name, kind, address, phone, created_at, updated_at)
    SELECT md5('org' || i)::uuid, 'california',
           ${array(firstWords)}[${pick(firstWords.length, 7)}] || ' ' || ${array(secondWords)}[${pick(secondWords.length, 13)}] || ' ' || ${array(thirdWords)}[${pick(thirdWords.length, 17)}],
           'company', i || ' Industrial Way', '', now(), now()
    FROM generate_series(1, ${organizations}) AS i`.execute(db);
  for (let from = 1; from <= rows; from += BATCH) {
    const to = Math.min(rows, from + BATCH - 1);
    await sql`
      INSERT INTO facilities (id, organization_id, jurisdiction_id, name, address, city, state, zip, county, latitude, longitude, receiving_waters,
                              discharges_to_ms4, ms4_name, in_indian_country, sic_codes, naics_codes, created_at, updated_at)
      SELECT md5('fac' || i)::uuid, md5('org' || (1 + (i % ${organizations})))::uuid, 'california',
             ${array(firstWords)}[${pick(firstWords.length, 3)}] || ' ' || ${array(secondWords)}[${pick(secondWords.length, 5)}] || ' ' || ${array(thirdWords)}[${pick(thirdWords.length, 11)}],
             i || ' Levee Road', 'Springfield', 'CA', '95814', ${array(benchCounties)}[${pick(benchCounties.length, 19)}],
             32.5 + (abs(hashint4(i * 23)) % 900000) / 100000.0, -124.0 + (abs(hashint4(i * 29)) % 1000000) / 100000.0,
             ${array(waters)}[${pick(waters.length, 31)}], false, NULL, false, ARRAY['3441'], ARRAY[]::text[], now(), now()
      FROM generate_series(${from}::int, ${to}::int) AS i`.execute(db);
    // The listing as the refresh writes it; the WDID is region, county code, I, serial.
    await sql`
      INSERT INTO facility_listings (facility_id, jurisdiction_id, name, operator, permit_id, county, receiving_water, status, filing_kinds, sic_codes, city,
                                     latitude, longitude, status_date, updated_at)
      SELECT f.id, f.jurisdiction_id, f.name, o.name,
             (1 + i % 9) || ' ' || lpad((1 + i % 58)::text, 2, '0') || 'I' || lpad(i::text, 7, '0'),
             f.county, f.receiving_waters,
             (ARRAY['active','active','active','active','active','active','terminated','terminated','lapsed','pending'])[1 + (i % 10)],
             ARRAY['industrial'], f.sic_codes, f.city, f.latitude, f.longitude, DATE '2020-01-01' + (i % 2000), now()
      FROM generate_series(${from}::int, ${to}::int) AS i
      JOIN facilities f ON f.id = md5('fac' || i)::uuid
      JOIN organizations o ON o.id = f.organization_id`.execute(db);
  }
  const ms = performance.now() - started;
  const indexStarted = performance.now();
  // The same definitions as migrations/0004_public_records.sql and 0005_search_words.sql.
  await sql`CREATE INDEX facility_listings_name_trgm ON facility_listings USING gin ((name || ' ' || operator) gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX facility_listings_search_words ON facility_listings USING gin (search_words)`.execute(db);
  await sql`ANALYZE organizations`.execute(db);
  await sql`ANALYZE facilities`.execute(db);
  // VACUUM as autovacuum soon would: the visibility map lets counts read the index only.
  await sql`VACUUM ANALYZE facility_listings`.execute(db);
  return { rows, organizations, ms, indexMs: performance.now() - indexStarted };
}

/** One typo per name (a letter dropped, doubled or two swapped), as people type. */
function withTypo(name: string, n: number): string {
  const letters = [...name];
  const at = 1 + (n % Math.max(1, letters.length - 3));
  if (n % 3 === 0) letters.splice(at, 1);
  else if (n % 3 === 1) letters.splice(at, 0, letters[at]!);
  else [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
  return letters.join('');
}

export async function sampleTypoNames(db: Kysely<Database>, count: number): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM facility_listings TABLESAMPLE SYSTEM (1) LIMIT ${count}`.execute(db);
  const names = rows.rows.map((r) => r.name);
  while (names.length < count) names.push(...names.slice(0, count - names.length));
  return names.map(withTypo);
}

export async function samplePermitIds(db: Kysely<Database>, count: number): Promise<string[]> {
  const rows = await sql<{ permit_id: string }>`SELECT permit_id FROM facility_listings TABLESAMPLE SYSTEM (1) WHERE permit_id IS NOT NULL LIMIT ${count}`.execute(db);
  const ids = rows.rows.map((r) => r.permit_id);
  while (ids.length < count) ids.push(...ids.slice(0, count - ids.length));
  return ids;
}
