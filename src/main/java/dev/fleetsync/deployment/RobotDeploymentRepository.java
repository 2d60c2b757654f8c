package dev.fleetsync.deployment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Robot deployments, written in bulk: one statement selects a job's robots however large the fleet,
 * so creating or syncing a job costs a constant number of statements.
 */
@ApplicationScoped
public class RobotDeploymentRepository implements PanacheRepositoryBase<RobotDeployment, RobotDeployment.Key> {

    // A robot is in sync with an application version when its most recent successful deployment was that version.
    // Set-based (hash joins, no per-robot subquery), so its cost does not hinge on fresh planner statistics.
    private static final String TARGETS = """
            with fleet_robots as (
                select account_id, arn from robot where account_id = :account and fleet_arn = :fleet
            ), running as (
                select distinct on (d.robot_arn) d.robot_arn, j.application_arn || '#' || j.application_version as application_key
                from robot_deployment d
                join fleet_robots fr on fr.account_id = d.account_id and fr.arn = d.robot_arn
                join deployment_job j on j.account_id = d.account_id and j.arn = d.job_arn
                where d.account_id = :account and d.status = 'InSync'
                order by d.robot_arn, d.deployment_finish_time desc nulls last, j.created_at desc
            )
            insert into robot_deployment (account_id, job_arn, robot_arn, status)
            select fr.account_id, :job, fr.arn, 'PendingNewDeployment'
            from fleet_robots fr
            left join running on running.robot_arn = fr.arn
            where :everyRobot or running.application_key is distinct from :applicationKey
            """;

    private static final String MARK_ROBOTS_PENDING = """
            update robot r set status = 'PendingNewDeployment'
            from robot_deployment d
            where d.account_id = :account and d.job_arn = :job and r.account_id = d.account_id and r.arn = d.robot_arn
            """;

    // Robots a canceled job never started go back to plain fleet membership.
    private static final String RELEASE_UNSTARTED = """
            update robot r set status = 'Registered'
            from robot_deployment d
            where d.account_id = :account and d.job_arn = :job and d.status = 'PendingNewDeployment'
              and r.account_id = d.account_id and r.arn = d.robot_arn and r.status = 'PendingNewDeployment'
            """;

    /**
     * Records the robots {@code job} deploys to: every robot of the fleet, or only those not in sync with the
     * job's application version. Returns how many.
     */
    public Uni<Integer> addTargets(DeploymentJob job, boolean everyRobot) {
        return getSession().flatMap(session -> session.createNativeQuery(TARGETS)
                .setParameter("job", job.arn)
                .setParameter("account", job.accountId)
                .setParameter("fleet", job.fleetArn)
                .setParameter("everyRobot", everyRobot)
                .setParameter("applicationKey", job.applicationArn + "#" + job.applicationVersion)
                .executeUpdate()
                .call(() -> session.createNativeQuery(MARK_ROBOTS_PENDING)
                        .setParameter("account", job.accountId).setParameter("job", job.arn).executeUpdate()));
    }

    public Uni<Integer> releaseUnstarted(String accountId, String jobArn) {
        return getSession().flatMap(session -> session.createNativeQuery(RELEASE_UNSTARTED)
                .setParameter("account", accountId).setParameter("job", jobArn).executeUpdate());
    }

    public Uni<List<RobotDeployment>> ofJob(String accountId, String jobArn) {
        return list("accountId = ?1 and jobArn = ?2 order by robotArn", accountId, jobArn);
    }
}
