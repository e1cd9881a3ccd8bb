-- Issue 9: a suite subscription's life. state_ends_at is when its current state runs out (a trial's end while it is
-- Enabled, the grace period's end while Warning, the retention's end while Suspended; none when paid or Deleted),
-- so the lifecycle job finds what is due with one indexed range read.
ALTER TABLE suite_subscription ADD COLUMN state_ends_at TIMESTAMP WITH TIME ZONE;
UPDATE suite_subscription SET state_ends_at = trial_ends_at WHERE is_trial AND state = 'ENABLED';
CREATE INDEX suite_subscription_state_ends ON suite_subscription (state_ends_at);
