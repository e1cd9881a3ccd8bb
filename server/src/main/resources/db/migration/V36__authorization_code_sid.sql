-- Issue 11: the sid of the browser session that authorised a code, so its ID tokens carry it (front-channel logout).
ALTER TABLE authorization_code ADD COLUMN sid VARCHAR(36);
