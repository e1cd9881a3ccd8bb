-- A replayed request answers with the Location header of the first answer (issue 8): keep it with the body.
ALTER TABLE idempotency_record ADD COLUMN location VARCHAR(512);
