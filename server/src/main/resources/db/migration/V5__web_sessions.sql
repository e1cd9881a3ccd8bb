-- Sign-in sessions of the web pages (both consoles share one), kept in the database so any node serves any request.
-- The cookie carries a random value; only its SHA-256 is stored.

CREATE TABLE web_session (
    id_hash      VARCHAR(64) PRIMARY KEY,
    tenant_id    UUID REFERENCES tenant (id),
    user_id      UUID REFERENCES directory_user (id) ON DELETE CASCADE,
    csrf_token   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_session_user ON web_session (user_id);
