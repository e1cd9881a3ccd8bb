-- Issue 10: the classic administrators of a cloud subscription besides its account administrator (the subscription's
-- account_admin_id, R4), and transfers of its billing ownership. No foreign keys to the subscription or the users:
-- rows of a deleted user are skipped when read (as role assignments of deleted users are), and moving or deleting a
-- subscription removes its rows through SubscriptionAdministrators.removeAll.

CREATE TABLE classic_administrator (
    subscription_id      UUID NOT NULL,
    role                 VARCHAR(32) NOT NULL,
    user_id              UUID NOT NULL,
    owner_assignment_id  UUID,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT classic_administrator_once PRIMARY KEY (subscription_id, role, user_id)
);

CREATE TABLE billing_ownership_transfer (
    id               UUID PRIMARY KEY,
    subscription_id  UUID NOT NULL,
    tenant_id        UUID NOT NULL,
    sender_id        UUID NOT NULL,
    recipient_id     UUID NOT NULL,
    state            VARCHAR(16) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX billing_ownership_transfer_subscription ON billing_ownership_transfer (subscription_id, created_at);
CREATE INDEX billing_ownership_transfer_recipient ON billing_ownership_transfer (recipient_id, state);
