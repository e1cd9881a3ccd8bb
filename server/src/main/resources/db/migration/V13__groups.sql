-- Issue 9: groups of a directory. A security group or a Microsoft 365 group (unified); members are users or groups
-- (exactly one of the two member columns is set), owners are users. Deleting a user or a group deletes its links.
CREATE TABLE directory_group (
    id                UUID PRIMARY KEY,
    tenant_id         UUID NOT NULL REFERENCES tenant (id),
    display_name      VARCHAR(256) NOT NULL,
    description       VARCHAR(1024),
    mail_nickname     VARCHAR(64) NOT NULL,
    mail              VARCHAR(320),
    mail_enabled      BOOLEAN NOT NULL,
    security_enabled  BOOLEAN NOT NULL,
    unified           BOOLEAN NOT NULL,
    visibility        VARCHAR(16),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX directory_group_tenant ON directory_group (tenant_id, id);

CREATE TABLE group_member (
    tenant_id        UUID NOT NULL REFERENCES tenant (id),
    group_id         UUID NOT NULL REFERENCES directory_group (id) ON DELETE CASCADE,
    member_user_id   UUID REFERENCES directory_user (id) ON DELETE CASCADE,
    member_group_id  UUID REFERENCES directory_group (id) ON DELETE CASCADE,
    added_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT group_member_exactly_one CHECK ((member_user_id IS NULL) <> (member_group_id IS NULL)),
    CONSTRAINT group_member_user_once UNIQUE (group_id, member_user_id),
    CONSTRAINT group_member_group_once UNIQUE (group_id, member_group_id)
);
CREATE INDEX group_member_by_user ON group_member (member_user_id);
CREATE INDEX group_member_by_group ON group_member (member_group_id);

CREATE TABLE group_owner (
    tenant_id  UUID NOT NULL REFERENCES tenant (id),
    group_id   UUID NOT NULL REFERENCES directory_group (id) ON DELETE CASCADE,
    user_id    UUID NOT NULL REFERENCES directory_user (id) ON DELETE CASCADE,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_owner_by_user ON group_owner (user_id);
