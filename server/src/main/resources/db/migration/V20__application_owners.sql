-- Issue 12: owners of app registrations and service principals, as in Entra: users or service principals of the same
-- directory (exactly one of the two owner columns is set). Deleting the object or the owner deletes the link.
CREATE TABLE application_owner (
    tenant_id                   UUID NOT NULL REFERENCES tenant (id),
    application_id              UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    owner_user_id               UUID REFERENCES directory_user (id) ON DELETE CASCADE,
    owner_service_principal_id  UUID REFERENCES service_principal (id) ON DELETE CASCADE,
    added_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT application_owner_exactly_one CHECK ((owner_user_id IS NULL) <> (owner_service_principal_id IS NULL)),
    CONSTRAINT application_owner_user_once UNIQUE (application_id, owner_user_id),
    CONSTRAINT application_owner_sp_once UNIQUE (application_id, owner_service_principal_id)
);
CREATE INDEX application_owner_by_user ON application_owner (owner_user_id);
CREATE INDEX application_owner_by_sp ON application_owner (owner_service_principal_id);

CREATE TABLE service_principal_owner (
    tenant_id                   UUID NOT NULL REFERENCES tenant (id),
    service_principal_id        UUID NOT NULL REFERENCES service_principal (id) ON DELETE CASCADE,
    owner_user_id               UUID REFERENCES directory_user (id) ON DELETE CASCADE,
    owner_service_principal_id  UUID REFERENCES service_principal (id) ON DELETE CASCADE,
    added_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_principal_owner_exactly_one
        CHECK ((owner_user_id IS NULL) <> (owner_service_principal_id IS NULL)),
    CONSTRAINT service_principal_owner_user_once UNIQUE (service_principal_id, owner_user_id),
    CONSTRAINT service_principal_owner_sp_once UNIQUE (service_principal_id, owner_service_principal_id)
);
CREATE INDEX service_principal_owner_by_user ON service_principal_owner (owner_user_id);
CREATE INDEX service_principal_owner_by_sp ON service_principal_owner (owner_service_principal_id);
