-- Issue 11: certificates of app registrations (Graph keyCredentials), client assertion ids already used (jti, kept
-- until the assertion expires, so a replay is refused on every node), and device codes (stored hashed).

CREATE TABLE application_key_credential (
    key_id             UUID NOT NULL,
    application_id     UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    display_name       VARCHAR(256),
    thumbprint_sha1    VARCHAR(40) NOT NULL,
    thumbprint_sha256  VARCHAR(64) NOT NULL,
    certificate_der    TEXT NOT NULL,
    start_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (application_id, key_id)
);

CREATE TABLE client_assertion_jti (
    jti_hash    VARCHAR(64) PRIMARY KEY,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX client_assertion_jti_expiry ON client_assertion_jti (expires_at);

CREATE TABLE device_code (
    device_code_hash  VARCHAR(64) PRIMARY KEY,
    user_code         VARCHAR(16) NOT NULL,
    tenant_id         UUID REFERENCES tenant (id) ON DELETE CASCADE,
    client_id         UUID NOT NULL,
    scope             VARCHAR(2000) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    state             VARCHAR(16) NOT NULL,
    user_id           UUID REFERENCES directory_user (id) ON DELETE CASCADE,
    last_polled_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT device_code_user_code_unique UNIQUE (user_code)
);
CREATE INDEX device_code_expiry ON device_code (expires_at);
