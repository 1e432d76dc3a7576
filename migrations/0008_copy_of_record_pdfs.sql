-- The PDF of a copy of record leaves `submissions`. The signature binds the canonical JSON
-- and its SHA-256, which stay in `submissions`; the PDF is a deterministic rendition of that
-- JSON, rendered after the signature commits (a pg-boss job, or on the first download), so
-- that signing does no PDF work. One row per submission, written once, never changed.
-- Runs on PostgreSQL 15 and PGlite (PostgreSQL 18). Forward only.
CREATE TABLE copy_of_record_pdfs (
  submission_id uuid PRIMARY KEY REFERENCES submissions(id),
  pdf bytea NOT NULL,
  -- `outfall verify` and /verify find a copy by the SHA-256 of its PDF.
  pdf_sha256 text NOT NULL UNIQUE,
  rendered_at timestamptz NOT NULL
);

CREATE FUNCTION copy_of_record_pdfs_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'copy-of-record PDFs are rendered once and cannot be changed';
END;
$$;
CREATE TRIGGER copy_of_record_pdfs_no_update BEFORE UPDATE OR DELETE ON copy_of_record_pdfs
  FOR EACH ROW EXECUTE FUNCTION copy_of_record_pdfs_immutable();

-- Every PDF rendered at signing until now, as it was: rendered when it was signed.
INSERT INTO copy_of_record_pdfs (submission_id, pdf, pdf_sha256, rendered_at)
  SELECT id, pdf, pdf_sha256, signed_at FROM submissions;

-- Dropping a column fires no row trigger: submissions_no_update stays as it was.
ALTER TABLE submissions DROP COLUMN pdf, DROP COLUMN pdf_sha256;
