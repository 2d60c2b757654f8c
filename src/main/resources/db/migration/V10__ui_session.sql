-- Dashboard sessions (docs/dashboard.md): the cookie's token is only ever stored as its SHA-256, so a read of this
-- table signs no one in. A session ends when idle too long, when too old, or at sign-out (its row deleted).
create table ui_session (
    token_hash    bytea        not null,
    access_key_id varchar(128) not null,
    account_id    varchar(12)  not null,
    csrf_token    varchar(64)  not null,
    created_at    timestamptz  not null,
    last_seen_at  timestamptz  not null,
    constraint pk_ui_session primary key (token_hash)
);

-- Sign-in deletes the sessions that have ended.
create index ix_ui_session_last_seen on ui_session (last_seen_at);
