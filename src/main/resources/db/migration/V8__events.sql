-- Durable events (docs/events.md): every change a user cares about is recorded by the triggers below, in the statement
-- that makes the change, so in its transaction, and set-based where the statement is (one insert per statement, however
-- many rows it changed). No service code appends an event; a caller's transaction only names its actor (events/EventLog).
--
-- Numbering (docs/decisions.md): an event is inserted unnumbered; at commit, one deferred trigger numbers all of the
-- transaction's events from its account's counter row. The counter row is locked from then until the commit ends, so
-- numbers are given in commit order and a rolled-back transaction gives its numbers back: a reader that has seen number
-- n of an account has seen every number below it, and none is ever skipped.

create table event (
    id         bigint generated always as identity,
    account_id varchar(12)   not null,
    -- the account's sequence number, given at commit; null only inside the writing transaction
    seq        bigint,
    xid        xid8          not null default pg_current_xact_id(),
    type       varchar(40)   not null,
    -- the caller's access key id, the robot's ARN (robot credentials), or 'system' (the rollout stepper)
    actor      varchar(1224) not null,
    fleet_arn  varchar(1224),
    job_arn    varchar(1224),
    robot_arn  varchar(1224),
    details    jsonb         not null default '{}',
    created_at timestamptz   not null default now(),
    constraint pk_event primary key (id)
);
create unique index uq_event_account_seq on event (account_id, seq);
create index ix_event_unnumbered on event (xid) where seq is null;
create index ix_event_created on event (created_at);

create table event_sequence (
    account_id varchar(12) not null,
    last_seq   bigint      not null,
    constraint pk_event_sequence primary key (account_id)
);

-- One row per transaction that recorded events, so numbering runs once per transaction, at its commit.
create table event_pending (
    xid xid8 not null,
    constraint pk_event_pending primary key (xid)
);

create function event_actor() returns text language sql stable as $$
    select coalesce(nullif(current_setting('fleetsync.actor', true), ''), 'system')
$$;

create function event_mark_pending() returns void language sql as $$
    insert into event_pending (xid) values (pg_current_xact_id()) on conflict do nothing
$$;

create function event_number() returns trigger language plpgsql as $$
declare
    accounts text[];
begin
    with fresh as (
        select id, account_id, row_number() over (partition by account_id order by id) as n
        from event where xid = new.xid and seq is null
    ), counts as (
        select account_id, count(*) as c from fresh group by account_id
    ), bumped as (
        insert into event_sequence as s (account_id, last_seq)
        select account_id, c from counts order by account_id
        on conflict (account_id) do update set last_seq = s.last_seq + excluded.last_seq
        returning s.account_id, s.last_seq
    ), numbered as (
        update event e set seq = b.last_seq - c.c + f.n
        from fresh f join counts c using (account_id) join bumped b using (account_id)
        where e.id = f.id
    ), done as (
        delete from event_pending where xid = new.xid
    )
    select array_agg(account_id::text) into accounts from bumped;
    -- heard by every instance's event streams once this commits (events/EventStream)
    perform pg_notify('fleetsync_events', a) from unnest(accounts) a;
    return null;
end;
$$;
create constraint trigger tg_event_number after insert on event_pending
    deferrable initially deferred for each row execute function event_number();

-- Details leave out what is null (no failure code, no ETA). Jobs: created (CreateDeploymentJob, SyncDeploymentJob) and every change of status.
create function event_job_created() returns trigger language plpgsql as $$
begin
    insert into event (account_id, type, actor, fleet_arn, job_arn, details)
    values (new.account_id, 'DeploymentJobCreated', event_actor(), new.fleet_arn, new.arn,
            jsonb_build_object('status', new.status, 'applicationArn', new.application_arn,
                               'applicationVersion', new.application_version::text));
    perform event_mark_pending();
    return null;
end;
$$;
create trigger tg_event_job_created after insert on deployment_job
    for each row execute function event_job_created();

create function event_job_status() returns trigger language plpgsql as $$
begin
    insert into event (account_id, type, actor, fleet_arn, job_arn, details)
    values (new.account_id, 'DeploymentJobStatusChanged', event_actor(), new.fleet_arn, new.arn,
            jsonb_strip_nulls(jsonb_build_object('from', old.status, 'status', new.status, 'failureCode', new.failure_code,
                                                 'failureReason', new.failure_reason)));
    perform event_mark_pending();
    return null;
end;
$$;
create trigger tg_event_job_status after update on deployment_job
    for each row when (old.status is distinct from new.status) execute function event_job_status();

-- Robot deployments: one statement-level trigger, so a step that admits or times out 10,000 robots inserts their
-- events in one statement. A report of a new step is RobotDeploymentStep; a final one is Finished or Failed alone.
create function event_robot_deployment() returns trigger language plpgsql as $$
begin
    insert into event (account_id, type, actor, fleet_arn, job_arn, robot_arn, details)
    select c.account_id, c.type, event_actor(), j.fleet_arn, c.job_arn, c.robot_arn, jsonb_strip_nulls(c.details)
    from (
        select n.account_id, n.job_arn, n.robot_arn, t.ord, t.type, t.details
        from new_rows n join old_rows o using (account_id, job_arn, robot_arn)
        cross join lateral (values
            (1, 'RobotDeploymentAdmitted',
                o.deployment_start_time is null and n.deployment_start_time is not null and n.status = 'PendingNewDeployment',
                '{}'::jsonb),
            (2, 'RobotDeploymentHandedOver', o.handed_at is null and n.handed_at is not null, '{}'::jsonb),
            (3, 'RobotDeploymentStep',
                n.status = o.status and n.progress_step is distinct from o.progress_step and n.progress_step is not null,
                jsonb_build_object('step', n.progress_step, 'percentDone', n.percent_done, 'etaSeconds', n.eta_seconds)),
            (4, 'RobotDeploymentFinished', n.status = 'InSync' and o.status <> 'InSync', '{}'::jsonb),
            (5, 'RobotDeploymentTimedOut', n.status = 'NoResponse' and o.status <> 'NoResponse', '{}'::jsonb),
            (6, 'RobotDeploymentAborted',
                n.status = 'Failed' and o.status <> 'Failed' and n.failure_code = 'RobotDeploymentAborted',
                jsonb_build_object('failureCode', n.failure_code, 'failureReason', n.failure_reason)),
            (7, 'RobotDeploymentFailed',
                n.status = 'Failed' and o.status <> 'Failed' and n.failure_code is distinct from 'RobotDeploymentAborted',
                jsonb_build_object('failureCode', n.failure_code, 'failureReason', n.failure_reason,
                                   'step', n.progress_step))
        ) as t(ord, type, happened, details)
        where t.happened
    ) c
    join deployment_job j on j.account_id = c.account_id and j.arn = c.job_arn
    order by c.robot_arn, c.ord;
    if found then
        perform event_mark_pending();
    end if;
    return null;
end;
$$;
create trigger tg_event_robot_deployment after update on robot_deployment
    referencing old table as old_rows new table as new_rows
    for each statement execute function event_robot_deployment();

-- Robots joining or leaving a fleet. Row-level with a condition: the many robot updates that only change a status cost
-- no trigger call at all.
create function event_robot_membership() returns trigger language plpgsql as $$
begin
    if old.fleet_arn is not null then
        insert into event (account_id, type, actor, fleet_arn, robot_arn)
        values (old.account_id, 'RobotDeregistered', event_actor(), old.fleet_arn, old.arn);
    end if;
    if new.fleet_arn is not null then
        insert into event (account_id, type, actor, fleet_arn, robot_arn)
        values (new.account_id, 'RobotRegistered', event_actor(), new.fleet_arn, new.arn);
    end if;
    perform event_mark_pending();
    return null;
end;
$$;
create trigger tg_event_robot_membership after update on robot
    for each row when (old.fleet_arn is distinct from new.fleet_arn) execute function event_robot_membership();

create function event_robot_deleted() returns trigger language plpgsql as $$
begin
    insert into event (account_id, type, actor, fleet_arn, robot_arn)
    select account_id, 'RobotDeleted', event_actor(), fleet_arn, arn from old_rows order by arn;
    if found then
        perform event_mark_pending();
    end if;
    return null;
end;
$$;
create trigger tg_event_robot_deleted after delete on robot
    referencing old table as old_rows for each statement execute function event_robot_deleted();

create function event_fleet_deleted() returns trigger language plpgsql as $$
begin
    insert into event (account_id, type, actor, fleet_arn)
    select account_id, 'FleetDeleted', event_actor(), arn from old_rows order by arn;
    if found then
        perform event_mark_pending();
    end if;
    return null;
end;
$$;
create trigger tg_event_fleet_deleted after delete on fleet
    referencing old table as old_rows for each statement execute function event_fleet_deleted();
