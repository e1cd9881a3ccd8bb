-- Issue 13: a refresh token is written twice per refresh (the presented one marked used, the next inserted), and
-- every index on the table is written with it: on H2 each index is a B-tree whose changed pages are stored at every
-- commit, on PostgreSQL an indexed used_at makes the mark-used UPDATE a non-HOT update that writes every index again.
-- The purge job (its only reader) deletes by an OR over expires_at, used_at, revoked and issued_at, which neither
-- database answers from these two indexes; it reads the table through once a run.
DROP INDEX refresh_token_expires;
DROP INDEX refresh_token_used;
