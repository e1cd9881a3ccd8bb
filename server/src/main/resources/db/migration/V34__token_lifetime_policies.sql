-- Issue 11: token lifetime policies (Graph's tokenLifetimePolicies), per directory, and the one assigned to an app.
-- definition: the JSON string as given (Graph's definition[0]); access_token_lifetime_seconds: what it sets.
CREATE TABLE token_lifetime_policy (
    id                              UUID PRIMARY KEY,
    tenant_id                       UUID NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    display_name                    VARCHAR(256) NOT NULL,
    is_organization_default         BOOLEAN NOT NULL,
    definition                      VARCHAR(1024) NOT NULL,
    access_token_lifetime_seconds   BIGINT NOT NULL
);
CREATE INDEX token_lifetime_policy_tenant ON token_lifetime_policy (tenant_id);

-- At most one policy per application (as Entra allows one tokenLifetimePolicy per application).
CREATE TABLE application_token_lifetime_policy (
    application_id  UUID PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE,
    policy_id       UUID NOT NULL REFERENCES token_lifetime_policy (id) ON DELETE CASCADE
);
CREATE INDEX application_token_lifetime_policy_policy ON application_token_lifetime_policy (policy_id);
