-- Issue 10: a cloud subscription's state runs out: a free trial after 30 days, a disabled subscription after its
-- 90-day retention.

ALTER TABLE cloud_subscription ADD COLUMN state_ends_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX cloud_subscription_due ON cloud_subscription (state_ends_at);

-- free trials created before this version end 30 days after they started
UPDATE cloud_subscription SET state_ends_at = created_at + INTERVAL '30' DAY
WHERE offer_id = 'MS-AZR-0044P' AND state = 'ENABLED';
