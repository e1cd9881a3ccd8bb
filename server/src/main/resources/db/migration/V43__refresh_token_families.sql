-- Issue 13: a refresh token family is one row, rewritten in place at each rotation. The token's text names its family
-- and generation (FAMILY.GENERATION.SECRET), so the grant reads the family by its key and a rotation changes no
-- indexed column: on H2 it stores one B-tree's page at commit (the table of one row per token wrote five: the row, the
-- next token's row, the hash key, the family and the two foreign-key indexes); on PostgreSQL it is a HOT update.
CREATE TABLE refresh_family (
    family_id    UUID PRIMARY KEY,
    generation   INTEGER NOT NULL,
    token_hash   VARCHAR(64) NOT NULL,
    tenant_id    UUID NOT NULL REFERENCES tenant (id),
    user_id      UUID NOT NULL,
    client_id    UUID NOT NULL,
    scope        VARCHAR(2000) NOT NULL,
    sid          VARCHAR(36),
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked      BOOLEAN NOT NULL
);
-- revoking a user's families (and the cascade when the user is deleted) finds them here; declared before the foreign
-- key so H2 uses it for that key instead of making a second index on the same column
CREATE INDEX refresh_family_user ON refresh_family (user_id);
ALTER TABLE refresh_family ADD CONSTRAINT refresh_family_user_fk
    FOREIGN KEY (user_id) REFERENCES directory_user (id) ON DELETE CASCADE;

-- Tokens handed out before: every one's hash with its family, so a live one still refreshes (it is its family's
-- generation 0) and a spent one still revokes its family; purged when it would have expired.
CREATE TABLE refresh_token_legacy (
    token_hash   VARCHAR(64) PRIMARY KEY,
    family_id    UUID NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO refresh_token_legacy (token_hash, family_id, expires_at)
SELECT token_hash, family_id, expires_at FROM refresh_token;

-- each family's unused token (rotation left one per family; the least hash, should there ever be two)
INSERT INTO refresh_family
    (family_id, generation, token_hash, tenant_id, user_id, client_id, scope, sid, issued_at, expires_at, revoked)
SELECT t.family_id, 0, t.token_hash, t.tenant_id, t.user_id, t.client_id, t.scope, t.sid, t.issued_at, t.expires_at,
    t.revoked
FROM refresh_token t
WHERE t.used_at IS NULL
    AND t.token_hash = (SELECT MIN(u.token_hash) FROM refresh_token u WHERE u.family_id = t.family_id AND u.used_at IS NULL);

DROP TABLE refresh_token;
