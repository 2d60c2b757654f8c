-- Robot credentials: access keys a robot signs its polls and reports with, scoped to that one robot. No secret is
-- stored: the secret is derived from the access key id with the server's fleetsync.auth.robot-credential-key, so this
-- table alone cannot sign anything.
create table robot_credential (
    access_key_id varchar(32)   not null,
    account_id    varchar(12)   not null,
    robot_arn     varchar(1224) not null,
    created_at    timestamptz   not null,
    constraint pk_robot_credential primary key (access_key_id),
    -- A credential belongs to a robot that exists; deleting the robot deletes (revokes) its credentials.
    constraint fk_robot_credential_robot foreign key (account_id, robot_arn) references robot (account_id, arn) on delete cascade
);
create index ix_robot_credential_robot on robot_credential (account_id, robot_arn, created_at);

-- Every removed credential, however removed (DeleteRobotCredential, or its robot deleted), is announced on commit, so
-- each instance drops it from its cache of verified credentials at once.
create function robot_credential_revoked() returns trigger language plpgsql as $$
begin
    perform pg_notify('robot_credential_revoked', old.access_key_id);
    return old;
end;
$$;
create trigger tg_robot_credential_revoked after delete on robot_credential
    for each row execute function robot_credential_revoked();
