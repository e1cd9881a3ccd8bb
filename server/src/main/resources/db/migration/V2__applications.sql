-- App registrations, their client secrets, service principals and application permissions (app role assignments).

CREATE TABLE application (
    id            UUID PRIMARY KEY,
    tenant_id     UUID NOT NULL REFERENCES tenant (id),
    app_id        UUID NOT NULL,
    display_name  VARCHAR(256) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT application_app_id_unique UNIQUE (app_id)
);
CREATE INDEX application_tenant ON application (tenant_id, id);

CREATE TABLE application_secret (
    key_id          UUID PRIMARY KEY,
    application_id  UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    display_name    VARCHAR(256),
    hint            VARCHAR(3)   NOT NULL,
    secret_hash     VARCHAR(64)  NOT NULL,
    start_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX application_secret_app ON application_secret (application_id);

CREATE TABLE service_principal (
    id            UUID PRIMARY KEY,
    tenant_id     UUID NOT NULL REFERENCES tenant (id),
    app_id        UUID NOT NULL,
    display_name  VARCHAR(256) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_principal_app_unique UNIQUE (tenant_id, app_id)
);

CREATE TABLE app_role_assignment (
    id            UUID PRIMARY KEY,
    tenant_id     UUID NOT NULL REFERENCES tenant (id),
    principal_id  UUID NOT NULL REFERENCES service_principal (id) ON DELETE CASCADE,
    resource_id   UUID NOT NULL REFERENCES service_principal (id) ON DELETE CASCADE,
    app_role_id   UUID NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_role_assignment_unique UNIQUE (principal_id, resource_id, app_role_id)
);
