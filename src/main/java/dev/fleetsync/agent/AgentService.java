package dev.fleetsync.agent;

import dev.fleetsync.common.OnContext;
import dev.fleetsync.application.ApplicationSource;
import dev.fleetsync.common.Architecture;
import dev.fleetsync.application.RobotApplicationVersion;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Timestamps;
import dev.fleetsync.deployment.JobSpecs;
import dev.fleetsync.deployment.RobotDeploymentMove;
import dev.fleetsync.deployment.rollout.RobotTimeout;
import dev.fleetsync.deployment.rollout.RolloutScheduler;
import dev.fleetsync.events.EventLog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The robot side of a rollout: a robot polls for its deployment, then reports on it until it is done. */
@ApplicationScoped
public class AgentService {
    private final AgentSql sql;
    private final ReportSql reportSql;
    private final ReportHandler reports;
    private final RobotWaiters waiters;
    private final RolloutScheduler scheduler;
    private final Clock clock;

    public AgentService(AgentSql sql, ReportSql reportSql, ReportHandler reports, RobotWaiters waiters, RolloutScheduler scheduler, Clock clock) {
        this.sql = sql;
        this.reportSql = reportSql;
        this.reports = reports;
        this.waiters = waiters;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * The robot's deployment if it is its turn; otherwise waits up to {@code wait} for one to be announced, holding no
     * thread, and answers null if none came.
     *
     * @param stillAllowed asked when a held poll wakes, before anything is handed over: the caller's right to poll may
     *     have ended while it waited (a revoked robot credential), and then the poll fails with its refusal
     */
    public Uni<Assignment> poll(String accountId, String robotArn, Duration wait, Supplier<Uni<Void>> stillAllowed) {
        CompletableFuture<Boolean> wake = waiters.register(robotArn);
        Context context = Vertx.currentContext();
        return sql.mayHandOver(accountId, robotArn)
                // the pool answers on its connection's event loop; Hibernate Reactive's session is bound to the request's
                .emitOn(OnContext.of(context))
                .onItem().ifNull().failWith(() -> ServiceException.notFound("Robot " + robotArn + " does not exist"))
                // nothing to hand over: one read, no write transaction (issue 16)
                .chain(may -> may ? handOver(accountId, robotArn) : Uni.createFrom().<Assignment>nullItem())
                .onTermination().invoke((assignment, failure, cancelled) -> {
                    // a poll that will not wait (or whose client went away meanwhile) must not stay registered
                    if (assignment != null || failure != null || cancelled || wait.isZero()) {
                        waiters.forget(robotArn, wake);
                    }
                })
                .flatMap(assignment -> assignment != null || wait.isZero() ? Uni.createFrom().item(assignment)
                        : waiters.await(robotArn, wake, wait)
                                // continue on the request's context: Hibernate Reactive is bound to it
                                .emitOn(OnContext.of(context))
                                .flatMap(woken -> woken ? stillAllowed.get().chain(() -> handOver(accountId, robotArn))
                                        : Uni.createFrom().nullItem()));
    }

    /**
     * Whether the robot should go on. A report the robot may make is one statement (ReportSql.PROGRESS, FINISH); any
     * other, or one that statement did not apply, is ReportHandler's, in a transaction locking the deployment.
     */
    public Uni<Boolean> report(String accountId, RobotReport report) {
        Context context = Vertx.currentContext();
        return inOneStatement(accountId, report)
                // the pool answers on its connection's event loop; Hibernate Reactive's session is bound to the request's
                .emitOn(OnContext.of(context))
                .flatMap(outcome -> outcome != null ? Uni.createFrom().item(outcome)
                        : Panache.withTransaction(() -> EventLog.attributeToCaller().chain(() -> reports.apply(accountId, report))))
                .invoke(outcome -> {
                    if (outcome.failed() != null) {
                        outcome.failed().log(); // committed now
                    }
                    if (outcome.finished()) {
                        scheduler.kick(accountId, report.jobArn()); // a slot is free: start the next robot now
                    }
                })
                .map(ReportHandler.Outcome::proceed);
    }

    /** The report's outcome if one statement applied it, else null. */
    private Uni<ReportHandler.Outcome> inOneStatement(String accountId, RobotReport report) {
        String actor = EventLog.actorOfCaller();
        return switch (report.result()) {
            case InProgress -> reportSql.recordProgress(accountId, report, actor)
                    .map(recorded -> recorded ? new ReportHandler.Outcome(true, false) : null);
            case Succeeded -> finish(accountId, report, RobotDeploymentMove.REPORT_SUCCEEDED, actor);
            // without a failure code the report is refused, which ReportHandler words
            case Failed -> report.failureCode() == null ? Uni.createFrom().nullItem()
                    : finish(accountId, report, RobotDeploymentMove.REPORT_FAILED, actor);
        };
    }

    private Uni<ReportHandler.Outcome> finish(String accountId, RobotReport report, RobotDeploymentMove move, String actor) {
        return reportSql.finish(accountId, report, move, actor, Timestamps.now(clock))
                .onItem().ifNotNull().transform(finished -> ReportHandler.Outcome.ended(report.robotArn(), report.jobArn(),
                        finished.fleetArn(), finished.from(), move.to(), report.failureCode()));
    }

    private Uni<Assignment> handOver(String accountId, String robotArn) {
        Instant now = Timestamps.now(clock);
        return Panache.withTransaction(() -> sql.handOver(accountId, robotArn, now, EventLog.actorOfCaller()))
                .map(handed -> handed == null ? null : assignment(handed));
    }

    private static Assignment assignment(AgentSql.Handed handed) {
        RobotApplicationVersion version = handed.version();
        Assignment.Suite suite = version == null ? null : new Assignment.Suite(version.suiteName, version.suiteVersion);
        ApplicationSource source = version == null || handed.architecture() == null ? null
                : version.sourceFor(Architecture.valueOf(handed.architecture())).orElse(null);
        return new Assignment(handed.job().arn, JobSpecs.of(handed.job()), suite, source,
                RobotTimeout.deadline(handed.startedAt(), handed.job().robotTimeoutSeconds));
    }

}
