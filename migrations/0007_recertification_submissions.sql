-- An NEC recertification is a signed submission on the NEC's own filing (its copy of
-- record, acknowledgment and verification are those of any submission); `purpose` tells
-- it from the submissions that were reviewed. The last certification of an NEC is its
-- latest submission of either purpose (Menominee §512-30 B(7)(a)[3]).
-- Runs on PostgreSQL 15 and PGlite (PostgreSQL 18). Forward only.
ALTER TABLE submissions ADD COLUMN purpose text NOT NULL DEFAULT 'filing'
  CHECK (purpose IN ('filing', 'recertification'));
CREATE INDEX submissions_filing_signed ON submissions (filing_id, signed_at DESC);
