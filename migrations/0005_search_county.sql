-- The public search's county filter with a status (county=…&status=active), in name order:
-- one index answers the page (in order, LIMIT) and the exact count (index-only once the
-- table is vacuumed). Runs on PostgreSQL 15 and PGlite. Forward only.
CREATE INDEX facility_listings_county_status_name ON facility_listings (lower(county), status, name);
