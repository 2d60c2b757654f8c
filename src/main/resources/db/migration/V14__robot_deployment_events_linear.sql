-- A statement that changes many robot deployments (a wave admitted, robots timed out) recorded its events in time
-- quadratic in the rows: V8's trigger joins the two transition tables, and PL/pgSQL plans that join once per connection,
-- for the row counts of its first call. Planned for one row (a report, a hand-over) it is a nested loop, which for a
-- wave of 2,000 robots compared 4 million pairs: 630 ms of the 710 ms the admission took (auto_explain, issue 16's
-- held-poll benchmark). A statement of one row still runs the cached plan; one of more rows is planned for its own
-- size (EXECUTE), a hash join. Same events, same order. event_mark_pending is gone from the trigger: since V13 it does
-- nothing.
do $migration$
declare
    events constant text := $events$
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
    order by c.robot_arn, c.ord
$events$;
begin
    execute format($function$
create or replace function event_robot_deployment() returns trigger language plpgsql as $body$
begin
    if (select count(*) from new_rows) <= 1 then
%s;
    else
        execute %L;
    end if;
    return null;
end;
$body$;
$function$, events, events);
end;
$migration$;
