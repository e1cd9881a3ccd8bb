-- Issue 11: signing applications in with the authorization code flow.
-- The redirect URIs an app registration accepts, per platform (Graph's web/spa/publicClient.redirectUris).
CREATE TABLE application_redirect_uri (
    application_id  UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    platform        VARCHAR(16) NOT NULL,
    position        INT NOT NULL,
    uri             VARCHAR(1024) NOT NULL,
    PRIMARY KEY (application_id, platform, position)
);

-- Authorization codes: only the SHA-256 of the code is stored; single use, bound to the client, the redirect URI
-- and the PKCE challenge. family_id is the refresh token family its redemption starts, revoked when the code comes back.
CREATE TABLE authorization_code (
    code_hash       VARCHAR(64) PRIMARY KEY,
    family_id       UUID NOT NULL,
    tenant_id       UUID NOT NULL REFERENCES tenant (id),
    user_id         UUID NOT NULL,
    client_id       UUID NOT NULL,
    redirect_uri    VARCHAR(1024) NOT NULL,
    scope           VARCHAR(2000) NOT NULL,
    scp             VARCHAR(2000) NOT NULL,
    nonce           VARCHAR(512),
    code_challenge  VARCHAR(128),
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX authorization_code_expiry ON authorization_code (expires_at);

-- Delegated permission grants (Graph's oauth2PermissionGrant): consent of one user (Principal) or of the
-- administrator for the whole directory (AllPrincipals), from a client's service principal to a resource's.
CREATE TABLE oauth2_permission_grant (
    id              UUID PRIMARY KEY,
    tenant_id       UUID NOT NULL REFERENCES tenant (id),
    client_id       UUID NOT NULL REFERENCES service_principal (id) ON DELETE CASCADE,
    consent_type    VARCHAR(16) NOT NULL,
    principal_id    UUID,
    resource_id     UUID NOT NULL REFERENCES service_principal (id) ON DELETE CASCADE,
    scope           VARCHAR(2000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oauth2_permission_grant_client ON oauth2_permission_grant (tenant_id, client_id);
