-- Issue 9: group-based licensing. A licence assigned to a group (group_licence) reaches its direct user members as
-- inherited licences; each inherited row is Active (error NULL, holds a seat unless the user holds the SKU anyway) or
-- in error (CountViolation: no free seat; ProhibitedInUsageLocationViolation: no usage location). Deleting the group
-- or the user removes the rows, which frees the seats.
CREATE TABLE group_licence (
    tenant_id       UUID NOT NULL REFERENCES tenant (id),
    group_id        UUID NOT NULL REFERENCES directory_group (id) ON DELETE CASCADE,
    sku_id          UUID NOT NULL,
    disabled_plans  VARCHAR(4000) NOT NULL,
    assigned_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (group_id, sku_id)
);

CREATE TABLE inherited_licence (
    tenant_id   UUID NOT NULL REFERENCES tenant (id),
    user_id     UUID NOT NULL REFERENCES directory_user (id) ON DELETE CASCADE,
    group_id    UUID NOT NULL REFERENCES directory_group (id) ON DELETE CASCADE,
    sku_id      UUID NOT NULL,
    error       VARCHAR(64),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, group_id, sku_id)
);
CREATE INDEX inherited_licence_group ON inherited_licence (group_id);
CREATE INDEX inherited_licence_sku ON inherited_licence (tenant_id, sku_id);
