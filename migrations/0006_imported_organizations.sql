-- An organization brought over from SMARTS (an NOI's operator) is found again by its
-- normalized name within its jurisdiction, so a second import, or a second facility of the
-- same operator, joins the same organization instead of making another. Null for
-- organizations created in Outfall: those are never matched by name.
ALTER TABLE organizations ADD COLUMN import_key text;
CREATE UNIQUE INDEX organizations_import_key ON organizations (jurisdiction_id, import_key);
