package dev.fleetsync.deployment.rollout;

import dev.fleetsync.common.Hql;
import dev.fleetsync.common.NativeSql;
import dev.fleetsync.deployment.DeploymentStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.LockMode;

/**
 * How an instance claims a job to step: the oldest due one on a tick, or a named one when something happened to it.
 * A claim is the job's row lock, taken with SKIP LOCKED in the caller's transaction, so instances never step the same
 * job together and none waits for another.
 */
@ApplicationScoped
public class JobClaims implements Hql.Statements {
    // Oldest-stepped active job no other instance holds: SKIP LOCKED shares the jobs out between instances. HQL, as the
    // reads here are (see NativeSql).
    private static final String CLAIM = """
            select j.accountId, j.arn from DeploymentJob j
            where j.status in (Pending, Preparing, InProgress) and j.updatedAt < :due
            order by j.updatedAt
            """;

    private static final List<String> ACTIVE = DeploymentStatus.names(DeploymentStatus.ACTIVE);

    private static final String POSTPONE = """
            update deployment_job set updated_at = :now
            where (account_id, arn) in (
                select account_id, arn from deployment_job
                where status in (:active) and updated_at < :due
                order by updated_at limit 1 for update skip locked)
            """;

    private static final String CLAIM_ONE = """
            select 1 from deployment_job
            where account_id = :account and arn = :job and status in (:active)
            for update skip locked
            """;

    @Override
    public List<Hql> statements() {
        return List.of(new Hql(CLAIM, Object[].class));
    }

    /** The oldest active job not stepped since {@code due} that no other instance holds, locked; null when there is none. */
    public Uni<JobRef> claimDue(Instant due) {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery(CLAIM, Object[].class)
                .setParameter("due", due).setMaxResults(1).setLockMode("j", LockMode.UPGRADE_SKIPLOCKED).getResultList())
                .map(rows -> rows.isEmpty() ? null : new JobRef((String) rows.get(0)[0], (String) rows.get(0)[1]));
    }

    /** Moves the oldest due job to the back of the queue. */
    public Uni<Integer> postponeDue(Instant due, Instant now) {
        return NativeSql.run(POSTPONE, Map.of("due", due, "now", now, "active", ACTIVE));
    }

    /** The job, locked, if it is active and no other instance holds it; null otherwise. */
    public Uni<JobRef> claim(String accountId, String jobArn) {
        return NativeSql.run(CLAIM_ONE, Map.of("account", accountId, "job", jobArn, "active", ACTIVE))
                .map(claimed -> claimed == 0 ? null : new JobRef(accountId, jobArn));
    }
}
