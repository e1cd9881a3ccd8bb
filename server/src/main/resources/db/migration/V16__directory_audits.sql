-- Issue 9: the directory's audit log (Graph's auditLogs/directoryAudits): one row per change, written in the
-- changing transaction, with who did it and what it changed. Rows stay when their targets are deleted.
CREATE TABLE directory_audit (
    id                UUID PRIMARY KEY,
    tenant_id         UUID NOT NULL REFERENCES tenant (id),
    activity_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    category          VARCHAR(64) NOT NULL,
    activity          VARCHAR(128) NOT NULL,
    operation_type    VARCHAR(32) NOT NULL,
    initiator_kind    VARCHAR(16) NOT NULL,
    initiator_id      UUID,
    initiator_name    VARCHAR(320)
);
CREATE INDEX directory_audit_tenant_time ON directory_audit (tenant_id, activity_at DESC, id);

CREATE TABLE directory_audit_target (
    audit_id      UUID NOT NULL REFERENCES directory_audit (id) ON DELETE CASCADE,
    position      INT NOT NULL,
    target_id     UUID,
    target_type   VARCHAR(32) NOT NULL,
    display_name  VARCHAR(320),
    detail        VARCHAR(1024),
    PRIMARY KEY (audit_id, position)
);
