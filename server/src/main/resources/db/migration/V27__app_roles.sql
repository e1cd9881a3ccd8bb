-- Issue 11: app roles. The roles an app registration defines (Graph's application.appRoles), in the order sent;
-- allowed_member_types is 'User', 'Application' or 'User,Application'.
CREATE TABLE application_app_role (
    application_id        UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    id                    UUID NOT NULL,
    position              INT NOT NULL,
    allowed_member_types  VARCHAR(32) NOT NULL,
    description           VARCHAR(1024),
    display_name          VARCHAR(256),
    is_enabled            BOOLEAN NOT NULL,
    role_value            VARCHAR(120),
    PRIMARY KEY (application_id, id)
);

-- Whether a user needs an app role assignment (directly or through a group) to sign in to the app.
ALTER TABLE service_principal ADD COLUMN app_role_assignment_required BOOLEAN DEFAULT FALSE NOT NULL;

-- App role assignments now go to users and groups as well as to service principals, so principal_id no longer
-- references service_principal: the table is made again without that foreign key (its name differs between H2 and
-- PostgreSQL, so it cannot be dropped by name). The resource stays a service principal.
CREATE TABLE app_role_grant (
    id            UUID PRIMARY KEY,
    tenant_id     UUID NOT NULL REFERENCES tenant (id),
    principal_id  UUID NOT NULL,
    resource_id   UUID NOT NULL REFERENCES service_principal (id) ON DELETE CASCADE,
    app_role_id   UUID NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_role_grant_unique UNIQUE (principal_id, resource_id, app_role_id)
);
INSERT INTO app_role_grant (id, tenant_id, principal_id, resource_id, app_role_id, created_at)
    SELECT id, tenant_id, principal_id, resource_id, app_role_id, created_at FROM app_role_assignment;
DROP TABLE app_role_assignment;
ALTER TABLE app_role_grant RENAME TO app_role_assignment;
CREATE INDEX app_role_assignment_principal ON app_role_assignment (tenant_id, principal_id);
CREATE INDEX app_role_assignment_resource ON app_role_assignment (tenant_id, resource_id);
