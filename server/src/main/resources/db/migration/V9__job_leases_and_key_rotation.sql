-- Issue 8: one lease row per background job (purging, and next trial and device-code expiry). Of several nodes sharing
-- the database, a node runs a job only after a conditional UPDATE made it the holder of the job's lease, so exactly one
-- node runs it per period; the lease of a node that stops renewing it expires and another node takes it over.
CREATE TABLE job_lease (
    name              VARCHAR(64) PRIMARY KEY,
    holder            VARCHAR(64),
    lease_until       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_started_at   TIMESTAMP WITH TIME ZONE,
    last_finished_at  TIMESTAMP WITH TIME ZONE,
    last_outcome      VARCHAR(16)
);

-- Issue 8: signing keys rotate while the server runs. A rotation inserts the new active key and marks the others
-- inactive at this time; they keep verifying until they are retired (deleted), which is refused before the tokens they
-- signed can have expired.
ALTER TABLE signing_key ADD COLUMN rotated_out_at TIMESTAMP WITH TIME ZONE;
