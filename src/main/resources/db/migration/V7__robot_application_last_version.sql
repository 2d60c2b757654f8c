-- The highest version number an application has ever given out. Numbers are never reused: a deleted newest version's
-- number stays taken, so a later sync naming it cannot deploy different content. Backfilled from the versions left.
alter table robot_application add column last_version integer not null default 0;

update robot_application a set last_version = v.max_version
from (select account_id, application_arn, max(version) as max_version from robot_application_version
      group by account_id, application_arn) v
where v.account_id = a.account_id and v.application_arn = a.arn;
