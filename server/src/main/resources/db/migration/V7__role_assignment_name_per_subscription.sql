-- Issue 7 (low): a role assignment's name (its GUID) is unique within its subscription, as Azure scopes it, not
-- server-wide: a PUT of a name another directory uses must not answer 409 naming that assignment (an existence
-- oracle). Rebuilt by copy, because H2 and PostgreSQL name and drop a primary key differently.

CREATE TABLE role_assignment_v7 (
    id                  UUID NOT NULL,
    tenant_id           UUID NOT NULL REFERENCES tenant (id),
    scope               VARCHAR(512) NOT NULL,
    subscription_id     UUID NOT NULL,
    role_definition_id  UUID NOT NULL,
    principal_id        UUID NOT NULL,
    principal_type      VARCHAR(32) NOT NULL,
    created_by          UUID,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT role_assignment_name_per_subscription PRIMARY KEY (subscription_id, id),
    CONSTRAINT role_assignment_once_per_scope UNIQUE (scope, role_definition_id, principal_id)
);

INSERT INTO role_assignment_v7 (id, tenant_id, scope, subscription_id, role_definition_id, principal_id,
    principal_type, created_by, created_at)
SELECT id, tenant_id, scope, subscription_id, role_definition_id, principal_id, principal_type, created_by, created_at
FROM role_assignment;

DROP TABLE role_assignment;
ALTER TABLE role_assignment_v7 RENAME TO role_assignment;
CREATE INDEX role_assignment_principal ON role_assignment (principal_id);
