package dev.fleetsync.deployment;

import dev.fleetsync.common.Hql;
import dev.fleetsync.common.NativeSql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Robot deployments, written in bulk: one statement selects a job's robots however large the fleet,
 * so creating or syncing a job costs a constant number of statements.
 */
@ApplicationScoped
public class RobotDeploymentRepository implements PanacheRepositoryBase<RobotDeployment, RobotDeployment.Key>, Hql.Statements {
    // Through the session, not Panache's list(String), so that HqlWarmUp interprets it at start-up (the same HQL).
    private static final String OF_JOB = "from RobotDeployment where accountId = :account and jobArn = :job order by robotArn";

    @Override
    public List<Hql> statements() {
        return List.of(new Hql(OF_JOB, RobotDeployment.class));
    }

    // A robot is in sync with an application version when the last version it deployed successfully is that one
    // (robot.synced_application_*, kept by the rollout). One statement and one scan of the fleet's robots, with no join
    // whose plan could hinge on stale statistics; marking and recording the robots together keeps both the same set.
    private static final String TARGETS = """
            with targets as (
                update robot r set status = 'PendingNewDeployment'
                where r.account_id = :account and r.fleet_arn = :fleet
                  and (:everyRobot or r.synced_application_arn is distinct from :application
                       or r.synced_application_version is distinct from :version)
                returning r.account_id, r.arn
            )
            insert into robot_deployment (account_id, job_arn, robot_arn, status)
            select account_id, :job, arn, :pending from targets
            """;

    // A robot deregistered from a fleet leaves the fleet's running job: before its turn it is never handed it, while
    // deploying it is told to stop (its report is answered continue=false). Either way its deployment ends Failed with
    // RobotDeploymentAborted, which the job counts as a failure: it ends neither waiting nor deploying. Robot
    // deployment rows first, then the robot's: the order of the hand-over and of a rollout step.
    private static final String LEAVE = """
            update robot_deployment d set status = :to, failure_code = :code,
                   failure_reason = left('The robot was deregistered from fleet ' || :fleet
                       || case when d.handed_at is null then ' before its turn' else ' while deploying' end, 1024),
                   deployment_finish_time = :now
            from deployment_job j
            where d.account_id = :account and d.robot_arn = :robot and d.status in (:from)
              and j.account_id = d.account_id and j.arn = d.job_arn and j.fleet_arn = :fleet
              and j.status in (:active)
            returning d.job_arn, d.handed_at is not null as handed
            """;

    /** Ends the robot's part in the fleet's running job, as it leaves the fleet; returns the part it ended, if any, for the log. */
    public Uni<List<RobotDeploymentEnd>> leaveFleet(String accountId, String fleetArn, String robotArn, Instant now) {
        Map<String, Object> parameters = RobotDeploymentMove.LEAVE_FLEET.parameters();
        parameters.putAll(Map.of("account", accountId, "fleet", fleetArn, "robot", robotArn, "now", now,
                "code", DeploymentJobErrorCode.RobotDeploymentAborted.name(), "active", DeploymentStatus.names(DeploymentStatus.ACTIVE)));
        return NativeSql.rows(LEAVE, parameters).map(rows -> rows.stream().map(row -> new RobotDeploymentEnd(robotArn, (String) row[0],
                fleetArn, Boolean.TRUE.equals(row[1]) ? RobotDeploymentStatus.Deploying : RobotDeploymentStatus.PendingNewDeployment,
                RobotDeploymentMove.LEAVE_FLEET.to(), DeploymentJobErrorCode.RobotDeploymentAborted)).toList());
    }

    /**
     * Records the robots {@code job} deploys to: every robot of the fleet, or only those not in sync with the
     * job's application version. Returns how many.
     */
    public Uni<Integer> addTargets(DeploymentJob job, boolean everyRobot) {
        return NativeSql.run(TARGETS, Map.of("job", job.arn, "account", job.accountId, "fleet", job.fleetArn, "everyRobot", everyRobot,
                "application", job.applicationArn, "version", job.applicationVersion,
                "pending", RobotDeploymentStatus.PendingNewDeployment.name()));
    }

    public Uni<List<RobotDeployment>> ofJob(String accountId, String jobArn) {
        return getSession().chain(s -> s.createSelectionQuery(OF_JOB, RobotDeployment.class).setParameter("account", accountId)
                .setParameter("job", jobArn).getResultList());
    }
}
