-- Issue 11: federated identity credentials of app registrations (Graph federatedIdentityCredentials): the external
-- issuer and subject whose tokens the application may exchange for its own (workload identity federation).
-- Entra holds exactly one audience per credential. Names are unique per application ignoring case (name_key, the
-- lower-cased ASCII name); issuer and subject together are unique per application (issuer_subject_key, SHA-256 hex of
-- both, since an index over two 600-character columns may be too wide for PostgreSQL).

CREATE TABLE application_federated_credential (
    id                  UUID NOT NULL PRIMARY KEY,
    application_id      UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    name                VARCHAR(120) NOT NULL,
    name_key            VARCHAR(120) NOT NULL,
    issuer              VARCHAR(600) NOT NULL,
    subject             VARCHAR(600) NOT NULL,
    issuer_subject_key  VARCHAR(64) NOT NULL,
    audience            VARCHAR(600) NOT NULL,
    description         VARCHAR(600),
    CONSTRAINT uq_federated_credential_name UNIQUE (application_id, name_key),
    CONSTRAINT uq_federated_credential_issuer_subject UNIQUE (application_id, issuer_subject_key)
);
