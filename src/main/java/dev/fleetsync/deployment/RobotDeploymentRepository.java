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
    private static final String TARGETS = """
            insert into robot_deployment (account_id, job_arn, robot_arn, status)
            select r.account_id, :job, r.arn, 'PendingNewDeployment'
            from robot r
            where r.account_id = :account and r.fleet_arn = :fleet
              and (:everyRobot or coalesce((
                    select j.application_arn || '#' || j.application_version
                    from robot_deployment d
                    join deployment_job j on j.account_id = d.account_id and j.arn = d.job_arn
                    where d.account_id = r.account_id and d.robot_arn = r.arn and d.status = 'InSync'
                    order by d.deployment_finish_time desc nulls last, j.created_at desc
                    limit 1), '') <> :applicationKey)
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
