-- Issue 7.8: failed-credential counts (smart lockout of accounts, throttling of client secrets), kept in the database
-- so every node counts the same failures. A subject is "user:<id>", "name:<4 hex digits of a hash>" for unknown user
-- names (bounded: 65 536 rows at most) or "client:<tenant>:<app id>"; never a user name or a secret in clear.
CREATE TABLE credential_lockout (
    subject            VARCHAR(100) PRIMARY KEY,
    failures           INTEGER NOT NULL,
    window_started_at  TIMESTAMP WITH TIME ZONE,
    locked_until       TIMESTAMP WITH TIME ZONE,
    lockouts           INTEGER NOT NULL,
    last_failure_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX credential_lockout_last_failure ON credential_lockout (last_failure_at);

-- Issue 7.10: the purge job finds what expired by these columns.
CREATE INDEX web_session_expires ON web_session (expires_at);
CREATE INDEX refresh_token_expires ON refresh_token (expires_at);
CREATE INDEX refresh_token_used ON refresh_token (used_at);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
