package dev.fleetsync.agent;

import dev.fleetsync.application.RobotApplicationVersion;
import dev.fleetsync.common.Hql;
import dev.fleetsync.common.NativeSql;
import dev.fleetsync.deployment.DeploymentJob;
import dev.fleetsync.deployment.DeploymentStatus;
import dev.fleetsync.deployment.RobotDeploymentMove;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The robot-facing writes, each one statement in the caller's transaction. */
@ApplicationScoped
public class AgentSql implements Hql.Statements {
    static {
        // PENDING binds HAND_OVER's one "from" status as one parameter
        if (RobotDeploymentMove.HAND_OVER.from().size() != 1) {
            throw new IllegalStateException("PENDING binds one status for :from, HAND_OVER moves from " + RobotDeploymentMove.HAND_OVER.from());
        }
    }

    private final Pool pool;

    public AgentSql(Pool pool) {
        this.pool = pool;
    }

    // The two ways a robot can have something to be handed, shared by HAND_OVER and PENDING so that they cannot drift
    // apart: a poll that PENDING turns away must be one HAND_OVER would have handed nothing (on robot_deployment d
    // joined to its deployment_job j).
    // "held": a deployment handed before that the robot has not reported on. The answer to that poll may have been lost
    // (the instance died after the commit, the connection dropped), so it is handed again, the same, until the robot
    // reports; the agent recognizes it by its job ARN. While it holds one, a robot is handed nothing else.
    static final String HELD = "d.status = :to and j.status = :running and d.progress_step is null";
    // "turn": otherwise, an admitted deployment of a running job, handed at most once: the row stops matching as soon as
    // it is handed. HAND_OVER adds that the job is of the robot's own fleet and that the robot holds none.
    static final String TURN = "d.status in (:from) and d.deployment_start_time is not null and d.handed_at is null and j.status = :running";

    // The robot's deployment to answer its poll with, in one statement; its row count (0 or 1) says whether there is one,
    // and HANDED then reads it (see NativeSql). Public for the benchmark's raw SQL (bench/AgentRaw).
    // "actor": the caller, named for the hand-over's event in this statement rather than in one more (events/EventLog).
    public static final String HAND_OVER = """
            with actor as (
                select set_config('fleetsync.actor', :actor, true) as name
            ), held as (
                select d.job_arn from robot_deployment d
                join deployment_job j on j.account_id = d.account_id and j.arn = d.job_arn
                where d.account_id = :account and d.robot_arn = :robot and %s
            ), turn as (
                select d.job_arn from robot_deployment d
                join deployment_job j on j.account_id = d.account_id and j.arn = d.job_arn
                where d.account_id = :account and d.robot_arn = :robot and %s
                  and j.fleet_arn = (select r.fleet_arn from robot r where r.account_id = :account and r.arn = :robot)
                  and not exists (select 1 from held)
                limit 1
            ), handed as (
                update robot_deployment d set status = :to, handed_at = :now
                from turn t
                where d.account_id = :account and d.robot_arn = :robot and d.job_arn = t.job_arn
                  and d.status in (:from) and d.handed_at is null and (select name from actor) is not null
                returning d.job_arn
            ), robot_state as (
                update robot set status = 'Deploying', last_deployment_job = (select job_arn from handed),
                       last_deployment_time = :now
                where account_id = :account and arn = :robot and exists (select 1 from handed)
            )
            select 1 from (select job_arn from handed union all select job_arn from held) a limit 1
            """.formatted(HELD, TURN);

    // A robot holds at most one deployment at a time: the one just handed (at :now) or the one held and not reported on.
    // One read brings the whole assignment: the job, the version it deploys and the robot's architecture. Left joins, as
    // the version may have been deleted since the robot's turn started (and the robot since this poll began).
    private static final String HANDED = """
            select j, d.deploymentStartTime, v, r.architecture
            from RobotDeployment d join DeploymentJob j on j.accountId = d.accountId and j.arn = d.jobArn
            left join RobotApplicationVersion v
                on v.accountId = j.accountId and v.applicationArn = j.applicationArn and v.version = j.applicationVersion
            left join Robot r on r.accountId = d.accountId and r.arn = d.robotArn
            where d.accountId = :account and d.robotArn = :robot and d.status = Deploying and j.status = InProgress
              and (d.handedAt = :now or d.progressStep is null)
            order by d.handedAt desc
            """;

    // Whether a poll has anything to hand over, read without a transaction: no row when the robot does not exist, else 1,
    // or 2 when it holds a deployment or has an admitted one waiting (HELD or TURN, less the fleet and not-yet-held
    // checks, which HAND_OVER makes itself). A poll with nothing to do so costs one read, not a write transaction; one
    // that finds something runs HAND_OVER, which decides. Why not HQL: the idle poll is the call robots make most, and
    // a Hibernate session opened and closed around one read that loads no entity was most of its cost
    // (docs/benchmarks.md); it goes straight through the reactive client, numbered as PENDING_PARAMETERS lists.
    static final String PENDING_NAMED = """
            select case when exists (
                select 1 from robot_deployment d join deployment_job j on j.account_id = d.account_id and j.arn = d.job_arn
                where d.account_id = r.account_id and d.robot_arn = r.arn and ((%s) or (%s))) then 2 else 1 end
            from robot r where r.account_id = :account and r.arn = :robot
            """.formatted(HELD, TURN);
    /** PENDING's parameters in the order they are numbered; {@code from} stands for one status ($5), HAND_OVER's only one. */
    public static final List<String> PENDING_PARAMETERS = List.of("account", "robot", "to", "running", "from");
    /** Public for the benchmark's raw SQL (bench/AgentRaw), which sends exactly this. */
    public static final String PENDING = numbered(PENDING_NAMED, PENDING_PARAMETERS);

    @Override
    public List<Hql> statements() {
        return List.of(new Hql(HANDED, Object[].class));
    }

    /** Whether the robot may have a deployment to hand over (see PENDING), or null when it does not exist. */
    public Uni<Boolean> mayHandOver(String accountId, String robotArn) {
        return pool.preparedQuery(PENDING).execute(Tuple.of(accountId, robotArn, RobotDeploymentMove.HAND_OVER.to().name(),
                DeploymentStatus.InProgress.name(), RobotDeploymentMove.HAND_OVER.from().iterator().next().name()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getInteger(0) == 2);
    }

    /** {@code sql} with each {@code :name} of {@code names} replaced by its number ($1 for the first), longest names first. */
    static String numbered(String sql, List<String> names) {
        String text = sql;
        List<String> longestFirst = names.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        for (String name : longestFirst) {
            text = text.replaceAll(":" + name + "\\b", java.util.regex.Matcher.quoteReplacement("$" + (names.indexOf(name) + 1)));
        }
        if (text.matches("(?s).*[^:]:[a-z].*")) {
            throw new IllegalStateException("a named parameter is left in " + text);
        }
        return text;
    }

    /** The deployment handed over now or held since an earlier poll, or null when the robot has none; its event names {@code actor}. */
    public Uni<Handed> handOver(String accountId, String robotArn, Instant now, String actor) {
        Map<String, Object> parameters = RobotDeploymentMove.HAND_OVER.parameters();
        parameters.putAll(Map.of("account", accountId, "robot", robotArn, "now", now, "running", DeploymentStatus.InProgress.name(),
                "actor", actor));
        return NativeSql.run(HAND_OVER, parameters)
                .flatMap(handed -> handed == 0 ? Uni.createFrom().<Handed>nullItem() : Panache.getSession()
                        .flatMap(s -> s.createSelectionQuery(HANDED, Object[].class).setParameter("account", accountId)
                                .setParameter("robot", robotArn).setParameter("now", now).setMaxResults(1).getResultList())
                        .map(rows -> rows.isEmpty() ? null : rows.get(0))
                        .onItem().ifNotNull().transform(row -> new Handed((DeploymentJob) row[0], (Instant) row[1], (RobotApplicationVersion) row[2],
                                (String) row[3])));
    }

    /**
     * A deployment handed to a robot: its job, when the robot's turn started (its time-out counts from then), the
     * application version it deploys (null if deleted since) and the robot's architecture (null if deleted since).
     */
    public record Handed(DeploymentJob job, Instant startedAt, RobotApplicationVersion version, String architecture) {
    }
}
