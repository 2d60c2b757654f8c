-- The fleet model. Every primary and unique key leads with account_id, so the schema can be distributed by account.
-- Constraint names carry meaning: the service maps unique violations to API errors by these names.

create table fleet (
    account_id             varchar(12)   not null,
    arn                    varchar(1224) not null,
    name                   varchar(255)  not null,
    created_at             timestamptz   not null,
    last_deployment_job    varchar(1224),
    last_deployment_status varchar(16),
    last_deployment_time   timestamptz,
    constraint pk_fleet primary key (account_id, arn),
    constraint ck_fleet_last_deployment_status
        check (last_deployment_status in ('Pending', 'Preparing', 'InProgress', 'Failed', 'Succeeded', 'Canceled'))
);
create index ix_fleet_page on fleet (account_id, created_at, arn);
create index ix_fleet_name on fleet (account_id, name);

create table robot (
    account_id           varchar(12)   not null,
    arn                  varchar(1224) not null,
    name                 varchar(255)  not null,
    architecture         varchar(8)    not null,
    greengrass_group_id  varchar(1224) not null,
    created_at           timestamptz   not null,
    fleet_arn            varchar(1224),
    status               varchar(24)   not null,
    last_deployment_job  varchar(1224),
    last_deployment_time timestamptz,
    -- The application version the robot last deployed successfully: SyncDeploymentJob targets the robots whose
    -- synced version differs from the fleet's latest deployment, with one scan of the fleet's robots.
    synced_application_arn     varchar(1224),
    synced_application_version integer,
    constraint pk_robot primary key (account_id, arn),
    -- Each robot has a Greengrass group of its own: a second robot on the same group is ResourceAlreadyExists.
    constraint uq_robot_greengrass_group unique (account_id, greengrass_group_id),
    -- A robot can only join a fleet that exists, even when the fleet is deleted concurrently.
    constraint fk_robot_fleet foreign key (account_id, fleet_arn) references fleet (account_id, arn),
    constraint ck_robot_architecture check (architecture in ('X86_64', 'ARM64', 'ARMHF')),
    constraint ck_robot_status
        check (status in ('Available', 'Registered', 'PendingNewDeployment', 'Deploying', 'Failed', 'InSync', 'NoResponse'))
);
create index ix_robot_page on robot (account_id, created_at, arn);
create index ix_robot_fleet on robot (account_id, fleet_arn);

-- $LATEST of each robot application: the mutable head that UpdateRobotApplication changes.
create table robot_application (
    account_id      varchar(12)   not null,
    arn             varchar(1224) not null,
    name            varchar(255)  not null,
    suite_name      varchar(16)   not null,
    suite_version   varchar(16),
    sources         text          not null, -- JSON array of {s3Bucket, s3Key, etag, architecture}
    environment_uri varchar(1024),
    revision_id     varchar(40)   not null,
    created_at      timestamptz   not null,
    last_updated_at timestamptz   not null,
    constraint pk_robot_application primary key (account_id, arn),
    -- Names are unique per account: a second CreateRobotApplication of a name is ResourceAlreadyExists.
    constraint uq_robot_application_name unique (account_id, name)
);
create index ix_robot_application_page on robot_application (account_id, created_at, arn);

-- Immutable numbered snapshots of $LATEST ("1", "2", ...).
create table robot_application_version (
    account_id      varchar(12)   not null,
    application_arn varchar(1224) not null,
    version         integer       not null,
    suite_name      varchar(16)   not null,
    suite_version   varchar(16),
    sources         text          not null,
    environment_uri varchar(1024),
    image_digest    varchar(72),
    revision_id     varchar(40)   not null,
    created_at      timestamptz   not null,
    constraint pk_robot_application_version primary key (account_id, application_arn, version),
    constraint fk_robot_application_version_application foreign key (account_id, application_arn)
        references robot_application (account_id, arn) on delete cascade,
    constraint ck_robot_application_version_positive check (version > 0)
);

-- Jobs outlive their fleet (a job of a deleted fleet fails with DeploymentFleetDoesNotExist), so no foreign key to fleet.
create table deployment_job (
    account_id                  varchar(12)   not null,
    arn                         varchar(1224) not null,
    fleet_arn                   varchar(1224) not null,
    status                      varchar(16)   not null,
    application_arn             varchar(1224) not null,
    application_version         integer       not null,
    launch_config               text          not null, -- JSON {packageName, launchFile, preLaunchFile, postLaunchFile, environmentVariables}
    concurrent_percentage       integer       not null,
    failure_threshold_percentage integer      not null,
    robot_timeout_seconds       bigint        not null,
    download_condition_file     text,                   -- JSON {bucket, key, etag}
    failure_code                varchar(64),
    failure_reason              varchar(1024),
    created_at                  timestamptz   not null,
    updated_at                  timestamptz   not null,
    constraint pk_deployment_job primary key (account_id, arn),
    constraint ck_deployment_job_status
        check (status in ('Pending', 'Preparing', 'InProgress', 'Failed', 'Succeeded', 'Canceled')),
    constraint ck_deployment_job_percentages
        check (concurrent_percentage between 1 and 100 and failure_threshold_percentage between 1 and 100)
);
-- At most one active job per fleet, however many requests race for it: the loser gets ConcurrentDeploymentException.
create unique index uq_deployment_job_active_fleet on deployment_job (account_id, fleet_arn)
    where status in ('Pending', 'Preparing', 'InProgress');
create index ix_deployment_job_fleet on deployment_job (account_id, fleet_arn, created_at desc);
create index ix_deployment_job_page on deployment_job (account_id, created_at, arn);

-- One row per robot a job deploys to. robot_arn has no foreign key: a robot may be deleted mid-deployment.
create table robot_deployment (
    account_id             varchar(12)   not null,
    job_arn                varchar(1224) not null,
    robot_arn              varchar(1224) not null,
    status                 varchar(24)   not null,
    deployment_start_time  timestamptz,
    deployment_finish_time timestamptz,
    failure_code           varchar(64),
    failure_reason         varchar(1024),
    progress_step          varchar(32),
    percent_done           real,
    eta_seconds            integer,
    constraint pk_robot_deployment primary key (account_id, job_arn, robot_arn),
    constraint fk_robot_deployment_job foreign key (account_id, job_arn)
        references deployment_job (account_id, arn) on delete cascade,
    constraint ck_robot_deployment_status
        check (status in ('Available', 'Registered', 'PendingNewDeployment', 'Deploying', 'Failed', 'InSync', 'NoResponse'))
);
create index ix_robot_deployment_robot on robot_deployment (account_id, robot_arn);

-- Idempotency: a client token, the fingerprint of the call that first used it, and the job it made.
-- Written in the job's transaction, so a failed call stores no token; deleted with its job.
create table client_token (
    account_id  varchar(12)   not null,
    token       varchar(64)   not null,
    operation   varchar(32)   not null,
    fingerprint varchar(64)   not null,
    job_arn     varchar(1224) not null,
    created_at  timestamptz   not null,
    constraint pk_client_token primary key (account_id, token),
    constraint fk_client_token_job foreign key (account_id, job_arn)
        references deployment_job (account_id, arn) on delete cascade deferrable initially deferred
);

-- Tags of any resource, by ARN. Deleted with their resource by the service that deletes it.
create table resource_tag (
    account_id   varchar(12)   not null,
    resource_arn varchar(1224) not null,
    tag_key      varchar(128)  not null,
    tag_value    varchar(256)  not null,
    constraint pk_resource_tag primary key (account_id, resource_arn, tag_key)
);
