-- NEC recertification reminders and lapse notices, one row per notice sent.
-- The UNIQUE key makes a sweep idempotent: run twice, or by two servers at once, the
-- second INSERT ... ON CONFLICT DO NOTHING inserts nothing and so sends nothing.
-- A lapse is recorded here as data (kind 'lapsed'), not as a filing status.
-- Runs on PostgreSQL 15 and PGlite (PostgreSQL 18). Forward only.
CREATE TABLE recertification_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  filing_id uuid NOT NULL REFERENCES filings(id),
  due_date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('reminder-90', 'reminder-30', 'reminder-7', 'reminder-1', 'lapsed')),
  sent_at timestamptz NOT NULL,
  UNIQUE (filing_id, due_date, kind)
);
