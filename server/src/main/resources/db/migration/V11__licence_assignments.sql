-- R13 (issue 9): a licence of a suite SKU assigned directly to a user. Deleting the user frees its seats.
-- disabled_plans holds the ids of the SKU's service plans turned off, comma-separated (server-written).
CREATE TABLE licence_assignment (
    tenant_id       UUID NOT NULL REFERENCES tenant (id),
    user_id         UUID NOT NULL REFERENCES directory_user (id) ON DELETE CASCADE,
    sku_id          UUID NOT NULL,
    disabled_plans  VARCHAR(4000) NOT NULL,
    assigned_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, sku_id)
);
CREATE INDEX licence_assignment_sku ON licence_assignment (tenant_id, sku_id);
