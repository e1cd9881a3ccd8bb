-- Cloud and suite subscriptions, their billing profiles, cloud role assignments and resource groups.

CREATE TABLE cloud_subscription (
    id                   UUID PRIMARY KEY,
    tenant_id            UUID NOT NULL REFERENCES tenant (id),
    display_name         VARCHAR(128) NOT NULL,
    offer_id             VARCHAR(32)  NOT NULL,
    state                VARCHAR(16)  NOT NULL,
    account_admin_id     UUID NOT NULL REFERENCES directory_user (id),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cloud_subscription_tenant ON cloud_subscription (tenant_id, id);

CREATE TABLE suite_subscription (
    id                UUID PRIMARY KEY,
    tenant_id         UUID NOT NULL REFERENCES tenant (id),
    sku_id            UUID NOT NULL,
    sku_part_number   VARCHAR(64) NOT NULL,
    seats_enabled     INTEGER NOT NULL,
    seats_suspended   INTEGER NOT NULL,
    seats_warning     INTEGER NOT NULL,
    state             VARCHAR(16) NOT NULL,
    is_trial          BOOLEAN NOT NULL,
    trial_ends_at     TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX suite_subscription_tenant ON suite_subscription (tenant_id, id);

-- The card is a test payment method: only its brand and last four digits are kept, never the number.
CREATE TABLE billing_profile (
    id               UUID PRIMARY KEY,
    tenant_id        UUID NOT NULL REFERENCES tenant (id),
    subscription_id  UUID NOT NULL,
    name             VARCHAR(128) NOT NULL,
    email            VARCHAR(320) NOT NULL,
    phone            VARCHAR(32)  NOT NULL,
    country_code     VARCHAR(2)   NOT NULL,
    address_line1    VARCHAR(256) NOT NULL,
    city             VARCHAR(128) NOT NULL,
    postal_code      VARCHAR(32)  NOT NULL,
    card_brand       VARCHAR(16),
    card_last4       VARCHAR(4),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX billing_profile_subscription ON billing_profile (subscription_id);

CREATE TABLE role_assignment (
    id                  UUID PRIMARY KEY,
    tenant_id           UUID NOT NULL REFERENCES tenant (id),
    scope               VARCHAR(512) NOT NULL,
    subscription_id     UUID NOT NULL,
    role_definition_id  UUID NOT NULL,
    principal_id        UUID NOT NULL,
    principal_type      VARCHAR(32) NOT NULL,
    created_by          UUID,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT role_assignment_unique UNIQUE (scope, role_definition_id, principal_id)
);
CREATE INDEX role_assignment_subscription ON role_assignment (subscription_id, id);
CREATE INDEX role_assignment_principal ON role_assignment (principal_id);

CREATE TABLE resource_group (
    subscription_id  UUID NOT NULL REFERENCES cloud_subscription (id),
    name_key         VARCHAR(90) NOT NULL,
    name             VARCHAR(90) NOT NULL,
    location         VARCHAR(64) NOT NULL,
    tags             VARCHAR(4000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subscription_id, name_key)
);
