-- Public records: permits brought over from SMARTS, sampling results, and the public
-- listing of every facility that search reads (one row per facility, kept current in the
-- same transaction as every change to its sources).
-- Runs on PostgreSQL 15 and PGlite (PostgreSQL 18). Forward only.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A SMARTS export has no coordinates for a facility; its sampling export may.
ALTER TABLE facilities ALTER COLUMN latitude DROP NOT NULL;
ALTER TABLE facilities ALTER COLUMN longitude DROP NOT NULL;

-- A permit recorded before Outfall (a SMARTS "regulatory measure"): WDID, status, dates.
-- Outfall's own permits live on filings (permit_id of an accepted NOI or NEC).
CREATE TABLE imported_permits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_id text NOT NULL REFERENCES jurisdictions(id),
  facility_id uuid NOT NULL REFERENCES facilities(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  source text NOT NULL,
  -- The source's own key (SMARTS REG_MEAS_ID): a second import of the same row finds it.
  source_id text NOT NULL,
  permit_id text NOT NULL,
  permit_type text NOT NULL,
  -- active | terminated (the source's status, in Outfall's words)
  status text NOT NULL,
  received_date date,
  processed_date date,
  termination_date date,
  status_date date,
  certified_at timestamptz,
  -- Everything public the row said, as imported (no contact person's name, e-mail or phone).
  public_data jsonb NOT NULL DEFAULT '{}',
  -- sha256 of the row's normalized content: equal means "unchanged".
  content_hash text NOT NULL,
  imported_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX imported_permits_permit ON imported_permits (jurisdiction_id, permit_id);
CREATE INDEX imported_permits_facility ON imported_permits (facility_id);

-- One analytical result of a stormwater sample.
CREATE TABLE sampling_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  facility_id uuid NOT NULL REFERENCES facilities(id),
  permit_id text NOT NULL,
  sampled_at timestamptz NOT NULL,
  parameter text NOT NULL,
  result numeric NOT NULL,
  units text NOT NULL,
  latitude numeric(9, 6),
  longitude numeric(9, 6),
  source text NOT NULL,
  -- sha256 of the source row (with its occurrence number among identical rows): idempotent import.
  source_key text NOT NULL UNIQUE,
  imported_at timestamptz NOT NULL
);
CREATE INDEX sampling_results_facility ON sampling_results (facility_id, parameter, sampled_at);

-- The public listing: what search, the public API and the downloads read.
-- status: active | terminated | lapsed | pending | not-covered
CREATE TABLE facility_listings (
  facility_id uuid PRIMARY KEY REFERENCES facilities(id),
  jurisdiction_id text NOT NULL REFERENCES jurisdictions(id),
  name text NOT NULL,
  operator text NOT NULL,
  permit_id text,
  county text NOT NULL,
  receiving_water text NOT NULL,
  status text NOT NULL,
  -- kinds of accepted coverage: nec, noi-construction, noi-nonconstruction, industrial (imported) …
  filing_kinds text[] NOT NULL DEFAULT '{}',
  sic_codes text[] NOT NULL DEFAULT '{}',
  city text NOT NULL DEFAULT '',
  latitude numeric(9, 6),
  longitude numeric(9, 6),
  status_date date,
  updated_at timestamptz NOT NULL
);
CREATE INDEX facility_listings_name_trgm ON facility_listings USING gin ((name || ' ' || operator) gin_trgm_ops);
CREATE INDEX facility_listings_permit ON facility_listings (permit_id);
CREATE INDEX facility_listings_county ON facility_listings (jurisdiction_id, lower(county), status);
CREATE INDEX facility_listings_status ON facility_listings (status, name);
