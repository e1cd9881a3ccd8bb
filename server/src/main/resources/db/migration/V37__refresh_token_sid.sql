-- Issue 11: the sid of the browser session a sign-in began in, kept with its refresh token family (and with the
-- device authorization approved in that session), so an ID token issued on refresh carries the sid the first one had.
ALTER TABLE refresh_token ADD COLUMN sid VARCHAR(36);
ALTER TABLE device_code ADD COLUMN sid VARCHAR(36);
