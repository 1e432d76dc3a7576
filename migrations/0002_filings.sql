-- Filings (NOI, NEC, NOT, operator change), their attachments, electronic signature
-- agreements, signed submissions (copies of record) and review decisions.
-- Runs on PostgreSQL 15 and PGlite (PostgreSQL 18). Forward only.

-- eAuthorization: a user's wet-signed Electronic Signature Agreement for one organization,
-- recorded as received by a reviewer of the organization's jurisdiction (CROMERR, 40 CFR 3.2000(b)(5)(vi)).
CREATE TABLE e_authorizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  status text NOT NULL CHECK (status IN ('received', 'revoked')),
  received_at timestamptz NOT NULL,
  received_by uuid NOT NULL REFERENCES users(id),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users(id),
  revocation_reason text
);
CREATE UNIQUE INDEX e_authorizations_current ON e_authorizations (user_id, organization_id) WHERE status = 'received';

-- Signing lockout: three wrong answers at a signature lock signing (not sign-in).
ALTER TABLE users ADD COLUMN signing_failures integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN signing_locked_at timestamptz;

-- kind: nec | noi-construction | noi-nonconstruction | not | operator-change
-- status: draft | submitted | returned | accepted | denied
CREATE TABLE filings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  facility_id uuid NOT NULL REFERENCES facilities(id),
  jurisdiction_id text NOT NULL REFERENCES jurisdictions(id),
  kind text NOT NULL CHECK (kind IN ('nec', 'noi-construction', 'noi-nonconstruction', 'not', 'operator-change')),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'accepted', 'denied')),
  schema_version integer NOT NULL,
  answers jsonb NOT NULL DEFAULT '{}',
  -- Optimistic concurrency for drafts edited by several members at once.
  revision integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES users(id),
  submitted_at timestamptz,
  decided_at timestamptz,
  permit_id text,
  coverage_start date
);
CREATE INDEX filings_org ON filings (organization_id, updated_at DESC);
CREATE INDEX filings_queue ON filings (jurisdiction_id, status, submitted_at);
CREATE INDEX filings_facility ON filings (facility_id);
CREATE UNIQUE INDEX filings_permit_id ON filings (jurisdiction_id, permit_id) WHERE permit_id IS NOT NULL;

-- Attachments are stored by content hash under the data directory (storage interface);
-- the table records which filing uses which content.
CREATE TABLE attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  filing_id uuid NOT NULL REFERENCES filings(id),
  purpose text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  byte_size integer NOT NULL CHECK (byte_size > 0),
  sha256 text NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users(id),
  uploaded_at timestamptz NOT NULL,
  removed_at timestamptz
);
CREATE INDEX attachments_filing ON attachments (filing_id);

-- A signed submission: the copy of record. Written once; never updated (trigger).
CREATE TABLE submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  filing_id uuid NOT NULL REFERENCES filings(id),
  sequence integer NOT NULL,
  -- The client's idempotency key: a retried submit finds this row instead of signing twice.
  idempotency_key text NOT NULL UNIQUE,
  canonical_json text NOT NULL,
  sha256 text NOT NULL UNIQUE,
  pdf bytea NOT NULL,
  pdf_sha256 text NOT NULL,
  signer_user_id uuid NOT NULL REFERENCES users(id),
  signer_name text NOT NULL,
  signed_at timestamptz NOT NULL,
  signer_ip text,
  UNIQUE (filing_id, sequence)
);

CREATE FUNCTION submissions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'submissions are copies of record and cannot be changed';
END;
$$;
CREATE TRIGGER submissions_no_update BEFORE UPDATE OR DELETE ON submissions
  FOR EACH ROW EXECUTE FUNCTION submissions_immutable();

-- decision: accepted | returned | denied
CREATE TABLE review_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  filing_id uuid NOT NULL REFERENCES filings(id),
  submission_id uuid NOT NULL REFERENCES submissions(id),
  decision text NOT NULL CHECK (decision IN ('accepted', 'returned', 'denied')),
  reasons text,
  decided_by uuid NOT NULL REFERENCES users(id),
  decided_at timestamptz NOT NULL
);
CREATE INDEX review_decisions_filing ON review_decisions (filing_id, decided_at);

-- Permit ID sequences per jurisdiction and series (e.g. California region+county+type).
CREATE TABLE permit_sequences (
  jurisdiction_id text NOT NULL REFERENCES jurisdictions(id),
  series text NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (jurisdiction_id, series)
);
