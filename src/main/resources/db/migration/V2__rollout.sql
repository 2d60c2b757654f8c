-- The rollout: robots are started (admitted to a wave) by the job's stepper, then handed their deployment when they poll.

-- When the robot picked up its deployment; null while it is only admitted. A deployment is handed over at most once.
alter table robot_deployment add column handed_at timestamptz;

-- Steppers claim the least recently stepped active jobs.
create index ix_deployment_job_due on deployment_job (updated_at)
    where status in ('Pending', 'Preparing', 'InProgress');

-- A robot's poll looks for its admitted deployments.
create index ix_robot_deployment_admitted on robot_deployment (account_id, robot_arn)
    where status = 'PendingNewDeployment' and deployment_start_time is not null;

-- Finished jobs expire (RoboMaker deleted them after 90 days); their robot deployments and client tokens go with them.
create index ix_deployment_job_finished on deployment_job (updated_at)
    where status in ('Succeeded', 'Failed', 'Canceled');
