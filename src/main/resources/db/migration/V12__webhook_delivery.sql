-- Webhook delivery (docs/webhooks.md). A claim sets leased_until and a fresh lease_token; every later write of the
-- delivering instance names its token, so an instance whose lease expired (it stalled, or was killed) can no longer
-- move the cursor of a subscription another instance has claimed since.
alter table webhook_subscription add column lease_token uuid;
-- which instance (host/pid) claimed it last: for an operator asking who delivers, and for the tests that kill it
alter table webhook_subscription add column leased_by varchar(255);

-- The delivery sweep's scan: enabled subscriptions only.
create index ix_webhook_subscription_enabled on webhook_subscription (account_id) where status = 'Enabled';
