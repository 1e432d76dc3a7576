-- Public name search by words: each listing's words (of "name operator", lower case) in a
-- generated column with a GIN index, and the dictionary of every word seen, with a
-- trigram index. A typed word is corrected against the dictionary (similar or prefix
-- words), then listings holding a match for every typed word are found through the
-- array index: exact-word posting lists are far shorter than trigram ones, so a name
-- search over a million listings stays within milliseconds. Word order never matters.
-- (The trigram index of 0004 remains the fallback when a typed word matches no word.)
-- Runs on PostgreSQL 15 and PGlite. Forward only.

CREATE FUNCTION listing_search_words(text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}')
  FROM regexp_split_to_table(lower($1), '[^[:alnum:]]+') AS w
  WHERE w <> ''
$$;

ALTER TABLE facility_listings
  ADD COLUMN search_words text[] GENERATED ALWAYS AS (listing_search_words(name || ' ' || operator)) STORED;
CREATE INDEX facility_listings_search_words ON facility_listings USING gin (search_words);

CREATE TABLE search_words (word text PRIMARY KEY);
CREATE INDEX search_words_trgm ON search_words USING gin (word gin_trgm_ops);
INSERT INTO search_words SELECT DISTINCT unnest(search_words) FROM facility_listings ON CONFLICT DO NOTHING;

-- New words join the dictionary with the statement that brings them (one INSERT per
-- statement, not per row, so bulk loads and imports stay fast). Words are never removed:
-- a stale word only widens a correction that then matches no listing.
CREATE FUNCTION add_listing_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words SELECT DISTINCT unnest(search_words) FROM changed_listings ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER facility_listings_words_insert AFTER INSERT ON facility_listings
  REFERENCING NEW TABLE AS changed_listings FOR EACH STATEMENT EXECUTE FUNCTION add_listing_search_words();
CREATE TRIGGER facility_listings_words_update AFTER UPDATE ON facility_listings
  REFERENCING NEW TABLE AS changed_listings FOR EACH STATEMENT EXECUTE FUNCTION add_listing_search_words();
