-- Issue 11: an app registration that exposes an API (Graph's identifierUris and api).
-- requested_access_token_version: Graph's api.requestedAccessTokenVersion (null, 1 or 2); a row exists once set.
CREATE TABLE application_api (
    application_id                  UUID PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE,
    requested_access_token_version  INT
);

-- The application ID URIs, unique in a directory (compared lower-cased through uri_key), in the order given.
CREATE TABLE application_identifier_uri (
    application_id  UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    tenant_id       UUID NOT NULL REFERENCES tenant (id),
    position        INT NOT NULL,
    uri             VARCHAR(1024) NOT NULL,
    uri_key         VARCHAR(1024) NOT NULL,
    PRIMARY KEY (application_id, position),
    CONSTRAINT application_identifier_uri_unique UNIQUE (tenant_id, uri_key)
);

-- The delegated permissions the API offers (Graph's api.oauth2PermissionScopes), in the order given.
CREATE TABLE application_permission_scope (
    application_id              UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    id                          UUID NOT NULL,
    position                    INT NOT NULL,
    scope_value                 VARCHAR(120) NOT NULL,
    scope_type                  VARCHAR(8) NOT NULL,
    admin_consent_display_name  VARCHAR(256),
    admin_consent_description   VARCHAR(1024),
    user_consent_display_name   VARCHAR(256),
    user_consent_description    VARCHAR(1024),
    is_enabled                  BOOLEAN NOT NULL,
    PRIMARY KEY (application_id, id)
);
