package dev.fleetsync.deployment.rollout;

import dev.fleetsync.common.Hql;
import dev.fleetsync.common.NativeSql;
import dev.fleetsync.common.Notifications;
import dev.fleetsync.deployment.DeploymentJobErrorCode;
import dev.fleetsync.deployment.RobotDeploymentEnd;
import dev.fleetsync.deployment.RobotDeploymentMove;
import dev.fleetsync.deployment.RobotDeploymentStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The set-based statements of a rollout step, and of a cancel, which ends the robots' part as a failing step does. Each
 * runs in the caller's transaction, which holds the job's row lock, and touches all robots of a job in one statement, so
 * a step costs the same for 10 robots as for 10,000.
 */
@ApplicationScoped
public class StepSql implements Hql.Statements {
    private static final DeploymentJobErrorCode TIMED_OUT = DeploymentJobErrorCode.RobotDeploymentNoResponse;
    private static final DeploymentJobErrorCode ABORTED = DeploymentJobErrorCode.RobotDeploymentAborted;
    private static final String TIME_OUT = """
            with silent as (
                update robot_deployment set status = :to, failure_code = :code,
                       failure_reason = :reason, deployment_finish_time = :now
                where account_id = :account and job_arn = :job and status in (:from)
                  and deployment_start_time is not null and deployment_start_time <= :startedBefore
                returning robot_arn, handed_at is not null as handed
            ), silent_robots as (
                update robot set status = 'NoResponse'
                where account_id = :account and arn in (select robot_arn from silent)
            )
            select robot_arn, handed from silent
            """;

    private static final String PROGRESS = """
            select count(*) filter (where d.status = PendingNewDeployment and d.deploymentStartTime is null),
                   count(*) filter (where d.status in :open and d.deploymentStartTime is not null),
                   count(*) filter (where d.status = InSync),
                   count(*) filter (where d.status = Failed),
                   count(*) filter (where d.status = NoResponse),
                   count(*) filter (where d.status = Failed and d.failureCode = MissingRobotApplicationArchitecture)
            from RobotDeployment d where d.accountId = :account and d.jobArn = :job
            """;

    // Gives the next robots their turn, in ARN order, and announces each robot started; the announcements go out when the
    // step commits. It returns a row per robot started (no failure code) and per robot failed at its turn (its code).
    // A robot whose architecture has no source in the job's version (or that was deleted, so has no architecture left)
    // fails at its turn and takes no slot. Turns stop after :count robots started, or at the failure that reaches the
    // threshold (:failuresLeft), as if the robots had been taken one by one.
    // "candidates" and "waiting" are not materialized, so each use is an ARN-ordered index scan bounded by its limit or
    // by the wave's last turn, and a robot's architecture is looked up (by primary key) only for the rows that scan
    // reaches. A join to robot was planned as a merge or hash join over all the account's robots. So the statement costs
    // about what the plain admission did, up to twice over (EXPLAIN ANALYZE, PostgreSQL 17 on a busy 2-core machine, a
    // 10,000-robot job with 2,000-5,000 started: 2-10 ms to start one robot, against 1-7 ms for the plain admission).
    // "= any(array(...))" runs the choice once; an "in (... limit)" may be planned as a nested loop that runs it again
    // for every robot of the job (1.3 s for a wave of 400 out of 2,000 robots, whose rows had no statistics yet).
    private static final String ADMIT = """
            with architectures as (
                select s.value ->> 'architecture' as architecture
                from deployment_job j
                join robot_application_version v on v.account_id = j.account_id and v.application_arn = j.application_arn
                                                 and v.version = j.application_version
                cross join lateral jsonb_array_elements(cast(v.sources as jsonb)) s
                where j.account_id = :account and j.arn = :job
            ), candidates as not materialized (
                select d.robot_arn,
                       (select r.architecture from robot r where r.account_id = d.account_id and r.arn = d.robot_arn) as architecture
                from robot_deployment d
                where d.account_id = :account and d.job_arn = :job
                  and d.status = :pending and d.deployment_start_time is null
            ), waiting as not materialized (
                select robot_arn, architecture, coalesce(architecture in (select architecture from architectures), false) as runnable
                from candidates
            ), starting as (
                select robot_arn from waiting where runnable order by robot_arn limit :count
            ), last_turn as (
                -- the wave is full at the :count-th robot started; when fewer can start, every robot's turn comes
                select coalesce(case when count(*) = :count then max(robot_arn) end,
                                (select max(robot_arn) from robot_deployment where account_id = :account and job_arn = :job)) as arn
                from starting
            ), failing as (
                select robot_arn, architecture from waiting
                where not runnable and robot_arn <= (select arn from last_turn)
                order by robot_arn limit :failuresLeft
            ), breach as (
                select case when count(*) = :failuresLeft then max(robot_arn) end as arn from failing
            ), failed as (
                update robot_deployment d set status = :to, deployment_start_time = :now, deployment_finish_time = :now,
                       failure_code = case when f.architecture is null then :noArchitecture else :noSource end,
                       failure_reason = left(case when f.architecture is null
                                                  then 'The robot no longer exists, so its architecture is unknown'
                                                  else :version || ' has no source for architecture ' || f.architecture end, 1024)
                from failing f
                where d.account_id = :account and d.job_arn = :job and d.robot_arn = f.robot_arn
                  and d.status in (:from)
                returning d.robot_arn, d.failure_code
            ), failed_robots as (
                update robot set status = 'Failed'
                where account_id = :account and status = 'PendingNewDeployment' and arn in (select robot_arn from failed)
            ), admitted as (
                update robot_deployment set deployment_start_time = :now
                where account_id = :account and job_arn = :job and robot_arn = any(array(
                    select robot_arn from starting
                    where (select arn from breach) is null or robot_arn < (select arn from breach)))
                returning robot_arn
            )
            select robot_arn, cast(null as varchar) as failure_code, cast(pg_notify('%s', robot_arn) as text) from admitted
            union all
            select robot_arn, failure_code, null from failed
            """.formatted(Notifications.ROBOT_WORK);

    // Robots the job will never start go back to plain fleet membership.
    private static final String RELEASE_UNSTARTED = """
            update robot r set status = 'Registered'
            where r.account_id = :account and r.status = 'PendingNewDeployment'
              and r.arn in (select d.robot_arn from robot_deployment d
                            where d.account_id = :account and d.job_arn = :job and d.handed_at is null
                              and d.status = :pending)
            """;

    // Robots that hold a canceled job's deployment are told to stop; their outcome is unknown, so they count as failed.
    private static final String ABORT_HANDED = """
            with aborted as (
                update robot_deployment set status = :to, failure_code = :code,
                       failure_reason = 'The deployment job was canceled', deployment_finish_time = :now
                where account_id = :account and job_arn = :job and status in (:from)
                returning robot_arn
            ), aborted_robots as (
                update robot set status = 'Failed' where account_id = :account and arn in (select robot_arn from aborted)
            )
            select robot_arn from aborted
            """;

    /** Times out the robots started at or before {@code startedBefore}; returns each, for the log (handed or not). */
    public Uni<List<RobotDeploymentEnd>> timeOut(JobRef job, String fleetArn, Instant startedBefore, Instant now, long timeoutSeconds) {
        return NativeSql.rows(TIME_OUT, parameters(job, RobotDeploymentMove.TIME_OUT, Map.of("startedBefore", startedBefore, "now", now,
                "code", TIMED_OUT.name(), "reason", "The robot did not finish within " + timeoutSeconds + " seconds")))
                .map(rows -> rows.stream().map(row -> new RobotDeploymentEnd((String) row[0], job.arn(), fleetArn,
                        Boolean.TRUE.equals(row[1]) ? RobotDeploymentStatus.Deploying : RobotDeploymentStatus.PendingNewDeployment,
                        RobotDeploymentMove.TIME_OUT.to(), TIMED_OUT)).toList());
    }

    @Override
    public List<Hql> statements() {
        return List.of(new Hql(PROGRESS, Object[].class));
    }

    public Uni<RolloutProgress> progress(JobRef job) {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery(PROGRESS, Object[].class)
                .setParameter("account", job.accountId()).setParameter("job", job.arn())
                .setParameter("open", RobotDeploymentStatus.OPEN).getSingleResult())
                .map(row -> new RolloutProgress(count(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]),
                        count(row[5])));
    }

    /** What a turn did: how many robots started, and the robots that failed at their turn (for the log). */
    public record Admission(int started, List<RobotDeploymentEnd> failed) {
        static final Admission NONE = new Admission(0, List.of());
    }

    /**
     * Gives up to {@code robots} more robots their turn. Robots the job's version has no source for fail instead, at
     * most {@code failuresLeft} of them (see {@link FailureThreshold#failuresLeft}).
     *
     * @param version names the job's application version in a failed robot's reason
     */
    public Uni<Admission> admit(JobRef job, String fleetArn, int robots, int failuresLeft, String version, Instant now) {
        if (robots <= 0) {
            return Uni.createFrom().item(Admission.NONE);
        }
        return NativeSql.rows(ADMIT, parameters(job, RobotDeploymentMove.FAIL_AT_TURN, Map.of("now", now, "count", robots,
                "failuresLeft", failuresLeft, "version", version, "pending", RobotDeploymentStatus.PendingNewDeployment.name(),
                "noArchitecture", DeploymentJobErrorCode.MissingRobotArchitecture.name(),
                "noSource", DeploymentJobErrorCode.MissingRobotApplicationArchitecture.name())))
                .map(rows -> new Admission((int) rows.stream().filter(row -> row[1] == null).count(), rows.stream()
                        .filter(row -> row[1] != null)
                        .map(row -> new RobotDeploymentEnd((String) row[0], job.arn(), fleetArn, RobotDeploymentStatus.PendingNewDeployment,
                                RobotDeploymentMove.FAIL_AT_TURN.to(), DeploymentJobErrorCode.valueOf((String) row[1])))
                        .toList()));
    }

    public Uni<Integer> releaseUnstarted(JobRef job) {
        return update(RELEASE_UNSTARTED, job, Map.of("pending", RobotDeploymentStatus.PendingNewDeployment.name()));
    }

    /** Tells the robots holding a canceled job's deployment to stop; returns each, for the log. */
    public Uni<List<RobotDeploymentEnd>> abortHanded(JobRef job, String fleetArn, Instant now) {
        return NativeSql.rows(ABORT_HANDED, parameters(job, RobotDeploymentMove.ABORT, Map.of("now", now, "code", ABORTED.name())))
                .map(rows -> rows.stream().map(row -> new RobotDeploymentEnd((String) row[0], job.arn(), fleetArn,
                        RobotDeploymentStatus.Deploying, RobotDeploymentMove.ABORT.to(), ABORTED)).toList());
    }

    /** Runs a statement that moves robot deployments as {@code move} says ({@code :from}, {@code :to}). */
    private static Uni<Integer> update(String sql, JobRef job, RobotDeploymentMove move, Map<String, Object> parameters) {
        return NativeSql.run(sql, parameters(job, move, parameters));
    }

    private static Map<String, Object> parameters(JobRef job, RobotDeploymentMove move, Map<String, Object> parameters) {
        Map<String, Object> all = move.parameters();
        all.putAll(parameters);
        all.put("account", job.accountId());
        all.put("job", job.arn());
        return all;
    }

    private static Uni<Integer> update(String sql, JobRef job, Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("account", job.accountId());
        all.put("job", job.arn());
        return NativeSql.run(sql, all);
    }

    private static int count(Object value) {
        return ((Number) value).intValue();
    }
}
