-- Directories (tenants), their users and directory roles. SQL that H2 (PostgreSQL mode) and PostgreSQL both accept.

CREATE TABLE tenant (
    id              UUID PRIMARY KEY,
    display_name    VARCHAR(256) NOT NULL,
    country_code    VARCHAR(2)   NOT NULL,
    initial_domain  VARCHAR(255) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tenant_initial_domain_unique UNIQUE (initial_domain)
);

CREATE TABLE directory_user (
    id                   UUID PRIMARY KEY,
    tenant_id            UUID NOT NULL REFERENCES tenant (id),
    user_principal_name  VARCHAR(320) NOT NULL,
    upn_key              VARCHAR(320) NOT NULL,
    display_name         VARCHAR(256) NOT NULL,
    given_name           VARCHAR(64),
    surname              VARCHAR(64),
    mail                 VARCHAR(320),
    mail_nickname        VARCHAR(64)  NOT NULL,
    account_enabled      BOOLEAN      NOT NULL,
    usage_location       VARCHAR(2),
    user_type            VARCHAR(16)  NOT NULL,
    job_title            VARCHAR(128),
    password_hash        VARCHAR(255),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT directory_user_upn_unique UNIQUE (upn_key)
);
CREATE INDEX directory_user_tenant ON directory_user (tenant_id, id);

-- A directory role is "activated" in a tenant (gets an object id) when it first gets a member, as in Entra.
CREATE TABLE directory_role (
    id                UUID PRIMARY KEY,
    tenant_id         UUID NOT NULL REFERENCES tenant (id),
    role_template_id  UUID NOT NULL,
    CONSTRAINT directory_role_template_unique UNIQUE (tenant_id, role_template_id)
);

CREATE TABLE directory_role_member (
    role_id    UUID NOT NULL REFERENCES directory_role (id),
    user_id    UUID NOT NULL REFERENCES directory_user (id) ON DELETE CASCADE,
    tenant_id  UUID NOT NULL REFERENCES tenant (id),
    PRIMARY KEY (role_id, user_id)
);
CREATE INDEX directory_role_member_user ON directory_role_member (user_id);
