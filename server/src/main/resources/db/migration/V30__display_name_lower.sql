-- Issue 13: startswith(displayName,'…') and the lists by name read an index instead of the whole tenant.
-- display_name_lower is LOWER(display_name), kept by the database itself (a generated column: no writer can miss it,
-- and this migration fills it for the rows already there). On PostgreSQL it compares in the "C" collation (code point
-- order, as H2 compares), so the prefix range the repositories use (lower bound <= name < upper bound) is exactly
-- "starts with" whatever the database's own collation, and the index serves the range and the order together.
-- Database sets ${name_collation} and ${generated_stored} per database (PostgreSQL needs STORED, H2 refuses it).
ALTER TABLE directory_user ADD COLUMN display_name_lower VARCHAR(256)${name_collation} GENERATED ALWAYS AS (LOWER(display_name))${generated_stored};
CREATE INDEX directory_user_tenant_name ON directory_user (tenant_id, display_name_lower, id);

ALTER TABLE directory_group ADD COLUMN display_name_lower VARCHAR(256)${name_collation} GENERATED ALWAYS AS (LOWER(display_name))${generated_stored};
CREATE INDEX directory_group_tenant_name ON directory_group (tenant_id, display_name_lower, id);
