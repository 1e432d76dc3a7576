-- Foundation: jurisdictions, accounts, organizations, facilities, the audit chain, the mail outbox.
-- Runs on PostgreSQL 15 and PGlite (PostgreSQL 18). Forward only: never edit after release.

CREATE TABLE jurisdictions (
  id text PRIMARY KEY,
  name text NOT NULL,
  authority text NOT NULL,
  mailing_address text NOT NULL,
  permit_id_format text NOT NULL,
  permit_id_example text NOT NULL,
  recertification_cycle text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO jurisdictions (id, name, authority, mailing_address, permit_id_format, permit_id_example, recertification_cycle) VALUES
 ('menominee', 'Menominee Indian Reservation',
  'Menominee Indian Tribe of Wisconsin, Environmental Services Department (the Director)',
  E'Menominee Tribal Environmental Services\nP.O. Box 910\nKeshena, WI 54135',
  'MEN-{type}-{yyyy}-{seq:5}', 'MEN-C-2026-00001',
  'Every five years from the last certification (Menominee §512-30 B(7)(a)[3])'),
 ('california', 'California (State Water Resources Control Board)',
  'State Water Resources Control Board, Division of Water Quality',
  E'State Water Resources Control Board\nDivision of Water Quality, Storm Water Section\nP.O. Box 1977\nSacramento, CA 95812-1977',
  '{region} {county:2}{type}{seq:6}', '9 30I000113',
  'Every reporting year (July 1 – June 30), by October 1 (Industrial General Permit, NEC)');

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  phone text NOT NULL,
  password_hash text NOT NULL,
  email_verified_at timestamptz,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE security_answers (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  slot smallint NOT NULL CHECK (slot BETWEEN 1 AND 3),
  question_key text NOT NULL,
  answer_hash text NOT NULL,
  PRIMARY KEY (user_id, slot)
);

-- Single-use tokens (e-mail verification, password reset) are stored only as SHA-256 hashes.
CREATE TABLE account_tokens (
  token_hash text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('verify-email', 'reset-password')),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);

-- Sessions live in the database so app servers stay stateless; the cookie holds a
-- random id, the table only its SHA-256.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_id text NOT NULL REFERENCES jurisdictions(id),
  name text NOT NULL,
  kind text NOT NULL,
  address text NOT NULL,
  phone text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organizations_name ON organizations (lower(name));

-- role: lrp | dar | submitter. status: pending (asked to join) | active | refused | removed.
-- An organization's first LRP is active at once but holds LRP powers only when a reviewer
-- of the jurisdiction has confirmed them (lrp_confirmed_at).
CREATE TABLE memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('lrp', 'dar', 'submitter')),
  status text NOT NULL CHECK (status IN ('pending', 'active', 'refused', 'removed')),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by uuid REFERENCES users(id),
  lrp_confirmed_at timestamptz,
  lrp_confirmed_by uuid REFERENCES users(id)
);
CREATE UNIQUE INDEX memberships_open ON memberships (organization_id, user_id) WHERE status IN ('pending', 'active');
CREATE INDEX memberships_user ON memberships (user_id);

-- Authority staff, per jurisdiction.
CREATE TABLE staff_roles (
  user_id uuid NOT NULL REFERENCES users(id),
  jurisdiction_id text NOT NULL REFERENCES jurisdictions(id),
  role text NOT NULL CHECK (role IN ('reviewer', 'administrator')),
  granted_by uuid REFERENCES users(id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, jurisdiction_id, role)
);

CREATE TABLE facilities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  jurisdiction_id text NOT NULL REFERENCES jurisdictions(id),
  name text NOT NULL,
  address text NOT NULL,
  city text NOT NULL,
  state text NOT NULL,
  zip text NOT NULL,
  county text NOT NULL,
  latitude numeric(9, 6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude numeric(9, 6) NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  receiving_waters text NOT NULL,
  discharges_to_ms4 boolean NOT NULL DEFAULT false,
  ms4_name text,
  in_indian_country boolean NOT NULL DEFAULT false,
  sic_codes text[] NOT NULL DEFAULT '{}',
  naics_codes text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX facilities_org ON facilities (organization_id);
CREATE INDEX facilities_jurisdiction ON facilities (jurisdiction_id);

-- The audit trail: append-only, each row's hash chained to the previous row's.
-- seq is the chain position, assigned under an advisory lock (see record-audit-event.ts).
CREATE TABLE audit_events (
  seq bigint PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  event_type text NOT NULL,
  schema_version integer NOT NULL,
  actor_user_id uuid,
  actor_role text,
  organization_id uuid,
  jurisdiction_id text,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  data jsonb NOT NULL,
  ip text,
  user_agent text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_events_org ON audit_events (organization_id, seq);
CREATE INDEX audit_events_jurisdiction ON audit_events (jurisdiction_id, seq);
CREATE INDEX audit_events_subject ON audit_events (subject_type, subject_id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- E-mail outbox: written in the same transaction as the event it reports; a job sends it.
-- message_id is fixed at creation, so a resend after a crash carries the same Message-ID.
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id text NOT NULL UNIQUE,
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  template text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX mail_outbox_unsent ON mail_outbox (created_at) WHERE sent_at IS NULL;
