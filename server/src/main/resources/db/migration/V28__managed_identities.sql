-- Managed identities (issue 11): service principals with no application registration, created through ARM as
-- user-assigned identities or as the system-assigned identity of a compute host, and the hosts they are attached to.

ALTER TABLE service_principal ADD COLUMN service_principal_type VARCHAR(16) DEFAULT 'Application' NOT NULL;
-- the ARM resource id of a managed identity's service principal (Graph's alternativeNames); null for an application
ALTER TABLE service_principal ADD COLUMN managed_identity_resource_id VARCHAR(400);

CREATE TABLE compute_host (
    subscription_id     UUID NOT NULL REFERENCES cloud_subscription (id),
    resource_group_key  VARCHAR(90) NOT NULL,
    name_key            VARCHAR(64) NOT NULL,
    resource_group      VARCHAR(90) NOT NULL,
    name                VARCHAR(64) NOT NULL,
    location            VARCHAR(64) NOT NULL,
    tags                VARCHAR(4000) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subscription_id, resource_group_key, name_key)
);

CREATE TABLE managed_identity (
    principal_id        UUID PRIMARY KEY REFERENCES service_principal (id) ON DELETE CASCADE,
    tenant_id           UUID NOT NULL REFERENCES tenant (id),
    client_id           UUID NOT NULL,
    subscription_id     UUID NOT NULL REFERENCES cloud_subscription (id),
    resource_group_key  VARCHAR(90) NOT NULL,
    name_key            VARCHAR(128) NOT NULL,
    resource_group      VARCHAR(90) NOT NULL,
    name                VARCHAR(128) NOT NULL,
    kind                VARCHAR(16) NOT NULL,
    location            VARCHAR(64) NOT NULL,
    tags                VARCHAR(4000) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT managed_identity_name_unique UNIQUE (subscription_id, resource_group_key, kind, name_key),
    CONSTRAINT managed_identity_client_unique UNIQUE (client_id)
);

-- the user-assigned identities a host uses; its system-assigned one is the SystemAssigned identity of its name
CREATE TABLE compute_host_identity (
    subscription_id     UUID NOT NULL,
    resource_group_key  VARCHAR(90) NOT NULL,
    host_name_key       VARCHAR(64) NOT NULL,
    principal_id        UUID NOT NULL REFERENCES managed_identity (principal_id) ON DELETE CASCADE,
    PRIMARY KEY (subscription_id, resource_group_key, host_name_key, principal_id),
    FOREIGN KEY (subscription_id, resource_group_key, host_name_key)
        REFERENCES compute_host (subscription_id, resource_group_key, name_key) ON DELETE CASCADE
);
CREATE INDEX compute_host_identity_principal ON compute_host_identity (principal_id);
