package dev.fleetsync.deployment.idempotency;

import dev.fleetsync.common.Constraint;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Timestamps;
import dev.fleetsync.deployment.DeploymentJob;
import dev.fleetsync.ops.FleetMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Runs a job-creating call at most once per client token.
 * <p>
 * A retry is one read: the token with its job, outside any transaction. A new token's work runs in a transaction that
 * writes the token row before the job (the token's foreign key to its job is deferred), so that racing calls with one
 * token queue on pk_client_token before racing calls for one fleet queue on uq_deployment_job_active_fleet. Whoever
 * loses a race on a unique constraint reads the token again after the winner committed: a token now present is a
 * replay (or a mismatch); otherwise the violation is answered as common/Constraint says (ConcurrentDeployment for the
 * fleet's active job). A failed call leaves no token.
 * <p>
 * Only here is it known which of these a call became, so this is where they are counted (after commit): a created sync,
 * a replay, a concurrency rejection.
 */
@ApplicationScoped
public class IdempotentJobs {
    private final ClientTokenRepository tokens;
    private final FleetMetrics metrics;
    private final Clock clock;

    public IdempotentJobs(ClientTokenRepository tokens, FleetMetrics metrics, Clock clock) {
        this.tokens = tokens;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param jobArn the ARN of the job {@code work} creates, which the token points to
     * @param work creates that job; runs only when the token is new, in the token's transaction
     */
    public Uni<DeploymentJob> once(String accountId, IdempotencyKey key, String jobArn, Supplier<Uni<DeploymentJob>> work) {
        return replayOr(accountId, key, () -> Panache.withTransaction(() -> tokens.persist(token(accountId, key, jobArn))
                        .chain(work::get).map(Answer::created)))
                .onFailure(Constraint::isUniqueViolation)
                .recoverWithUni(failure -> replayOr(accountId, key, () -> Uni.createFrom().failure(answer(key, failure))))
                .map(answer -> count(key, answer));
    }

    /** The token's earlier answer when it is known (one read, outside any session); otherwise {@code whenNew}. */
    private Uni<Answer> replayOr(String accountId, IdempotencyKey key, Supplier<Uni<Answer>> whenNew) {
        return tokens.findWithJob(accountId, key.token()).flatMap(used -> used == null ? whenNew.get() : replay(key, used));
    }

    /** The job a call answered, and whether this call created it or replayed an earlier one. */
    private record Answer(DeploymentJob job, boolean replayed) {
        static Answer created(DeploymentJob job) {
            return new Answer(job, false);
        }
    }

    private DeploymentJob count(IdempotencyKey key, Answer answer) {
        if (answer.replayed()) {
            metrics.idempotentReplay(key.operation().awsName());
        } else if (key.operation() == IdempotentOperation.SYNC_DEPLOYMENT_JOB) {
            metrics.syncCreated();
        }
        return answer.job();
    }

    private ClientToken token(String accountId, IdempotencyKey key, String jobArn) {
        ClientToken token = new ClientToken();
        token.accountId = accountId;
        token.token = key.token();
        token.operation = key.operation().awsName();
        token.fingerprint = key.fingerprint();
        token.jobArn = jobArn;
        token.createdAt = Timestamps.now(clock);
        return token;
    }

    private static Uni<Answer> replay(IdempotencyKey key, ClientTokenRepository.TokenWithJob used) {
        if (!key.sameCallAs(used.token())) {
            return Uni.createFrom().failure(ServiceError.IDEMPOTENT_PARAMETER_MISMATCH.exception("The clientRequestToken '" + key.token()
                    + "' was already used with different parameters (by " + used.token().operation + ")"));
        }
        return Uni.createFrom().item(new Answer(used.job(), true));
    }

    /** A lost race that left no token behind: the violation's answer from the table. */
    private Throwable answer(IdempotencyKey key, Throwable failure) {
        Throwable answer = Constraint.translate(failure, key.token());
        if (answer instanceof ServiceException refused && refused.error() == ServiceError.CONCURRENT_DEPLOYMENT) {
            metrics.concurrencyRejected(key.operation().awsName());
        }
        return answer;
    }
}
