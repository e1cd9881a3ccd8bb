-- Issue 11: the permissions an app registration asks for (Graph's application.requiredResourceAccess): one row per
-- resourceAccess entry, in the order sent; access_type is 'Scope' (delegated) or 'Role' (application).
CREATE TABLE application_required_access (
    application_id   UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    position         INT NOT NULL,
    resource_app_id  UUID NOT NULL,
    access_id        UUID,
    access_type      VARCHAR(8),
    PRIMARY KEY (application_id, position)
);
