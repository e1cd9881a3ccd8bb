-- Issue 11: front-channel logout (OpenID Connect Front-Channel Logout 1.0).
-- An app registration's front-channel logout URL (Graph's web.logoutUrl); an application has at most one.
CREATE TABLE application_logout_url (
    application_id  UUID PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE,
    url             VARCHAR(1024) NOT NULL
);

-- The applications (client ids) a browser session signed into, so that signing out of it signs out of them.
CREATE TABLE web_session_client (
    id_hash    VARCHAR(64) NOT NULL REFERENCES web_session (id_hash) ON DELETE CASCADE,
    client_id  UUID NOT NULL,
    PRIMARY KEY (id_hash, client_id)
);
