-- Issue 10: a cloud subscription's activity log (ARM's Microsoft.Insights management events): one row per change of
-- a role assignment or a resource group, written in the changing transaction. Kept apart from directory_audit, which
-- is the directory's (Graph's directoryAudits) and has no subscription, resource, scope or correlation id. Rows stay
-- when what they name is deleted.
CREATE TABLE subscription_activity (
    id                   UUID PRIMARY KEY,
    tenant_id            UUID NOT NULL REFERENCES tenant (id),
    subscription_id      UUID NOT NULL,
    resource_group       VARCHAR(90),
    event_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    operation_name       VARCHAR(128) NOT NULL,
    resource_provider    VARCHAR(64) NOT NULL,
    resource_type        VARCHAR(128) NOT NULL,
    resource_id          VARCHAR(512) NOT NULL,
    authorization_scope  VARCHAR(512) NOT NULL,
    sub_status           VARCHAR(32) NOT NULL,
    caller_id            UUID,
    caller_name          VARCHAR(320),
    correlation_id       UUID NOT NULL
);
CREATE INDEX subscription_activity_time ON subscription_activity (subscription_id, event_at DESC, id);
