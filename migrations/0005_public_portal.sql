-- The public portal: the public API's per-client request counter, and indexes the public
-- search uses beyond those of 0004. Runs on PostgreSQL 15 and PGlite. Forward only.

-- Fixed-window counter per client (its IP) and minute. In the database, not in a process:
-- app servers are stateless and many, and each must see the same count.
CREATE TABLE api_rate_limit_windows (
  client_key text NOT NULL,
  window_start timestamptz NOT NULL,
  request_count integer NOT NULL,
  PRIMARY KEY (client_key, window_start)
);
-- Old windows are deleted by age.
CREATE INDEX api_rate_limit_windows_start ON api_rate_limit_windows (window_start);

-- County filter without a jurisdiction (the public API's county=), in name order.
CREATE INDEX facility_listings_county_name ON facility_listings (lower(county), name);
-- The unfiltered list in name order (the search page's first view).
CREATE INDEX facility_listings_name ON facility_listings (name, facility_id);
