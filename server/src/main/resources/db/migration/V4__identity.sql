-- Token signing keys, refresh tokens (hashed), idempotency records and server secrets: state any node can serve.

CREATE TABLE signing_key (
    kid          VARCHAR(64) PRIMARY KEY,
    private_der  VARCHAR(4096) NOT NULL,
    public_der   VARCHAR(1024) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    active       BOOLEAN NOT NULL
);

CREATE TABLE refresh_token (
    token_hash   VARCHAR(64) PRIMARY KEY,
    family_id    UUID NOT NULL,
    tenant_id    UUID NOT NULL REFERENCES tenant (id),
    user_id      UUID NOT NULL REFERENCES directory_user (id) ON DELETE CASCADE,
    client_id    UUID NOT NULL,
    scope        VARCHAR(2000) NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE,
    revoked      BOOLEAN NOT NULL
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);

CREATE TABLE idempotency_record (
    caller_key     VARCHAR(128) NOT NULL,
    route          VARCHAR(128) NOT NULL,
    idem_key       VARCHAR(255) NOT NULL,
    request_hash   VARCHAR(64)  NOT NULL,
    status         INTEGER      NOT NULL,
    response_body  TEXT         NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller_key, route, idem_key)
);

CREATE TABLE server_secret (
    name        VARCHAR(64) PRIMARY KEY,
    secret_value VARCHAR(256) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
