-- Issue 10: B2B guests (R2, R14). A guest is a user of the inviting (resource) directory with user_type 'Guest' and
-- no password; this row links it to the invited address and, once known, to the home user it stands for. The home
-- user is not a foreign key: deleting it leaves the guest unable to sign in, as in Entra, and deleting the guest
-- object (ON DELETE CASCADE) leaves the home user untouched.
CREATE TABLE guest_invitation (
    user_id            UUID PRIMARY KEY REFERENCES directory_user (id) ON DELETE CASCADE,
    tenant_id          UUID NOT NULL REFERENCES tenant (id),
    invited_email      VARCHAR(320) NOT NULL,
    invited_email_key  VARCHAR(320) NOT NULL,
    home_tenant_id     UUID,
    home_user_id       UUID,
    state              VARCHAR(32) NOT NULL,
    state_changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    redirect_url       VARCHAR(2048) NOT NULL,
    redeem_token_hash  VARCHAR(64),
    invited_by         UUID,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT guest_invitation_email_unique UNIQUE (tenant_id, invited_email_key),
    CONSTRAINT guest_invitation_home_unique UNIQUE (tenant_id, home_user_id)
);
CREATE INDEX guest_invitation_home ON guest_invitation (home_user_id, state);

-- Whether members (not only Global Administrators, User Administrators and Guest Inviters) may invite guests;
-- no row means yes, Entra's default.
CREATE TABLE guest_settings (
    tenant_id           UUID PRIMARY KEY REFERENCES tenant (id),
    members_can_invite  BOOLEAN NOT NULL
);
