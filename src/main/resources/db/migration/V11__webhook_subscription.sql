-- Webhook subscriptions (docs/webhooks.md). The events table is the outbox: a subscription keeps only its cursor, the
-- account sequence number it has delivered up to, so no event is copied per subscription.
create table webhook_subscription (
    id              varchar(40)   not null,
    account_id      varchar(12)   not null,
    url             varchar(2048) not null,
    -- comma-separated EventType names; empty means every type
    event_types     varchar(1024) not null default '',
    -- AES-GCM nonce and ciphertext of the signing secret, never the secret itself
    secret          bytea         not null,
    status          varchar(20)   not null,
    disabled_reason varchar(1024),
    delivered_seq   bigint        not null default 0,
    failures        integer       not null default 0,
    failing_since   timestamptz,
    next_attempt_at timestamptz,
    leased_until    timestamptz,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    constraint pk_webhook_subscription primary key (id)
);
create index ix_webhook_subscription_account on webhook_subscription (account_id, created_at, id);
