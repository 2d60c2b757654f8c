package dev.fleetsync.deployment;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.UniqueViolations;
import dev.fleetsync.ops.FleetMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs a job-creating call at most once per client token.
 * <p>
 * A retry is one read: the token with its job, outside any transaction. A new token's work runs in a transaction that
 * writes the token row before the job, so that racing calls with one token queue on
 * pk_client_token and racing calls for one fleet queue on uq_deployment_job_active_fleet. Whoever loses a race reads the
 * token again after the winner committed: a token now present is a replay (or a mismatch); otherwise the fleet was
 * taken and the call gets ConcurrentDeploymentException. A failed call leaves no token.
 * <p>
 * Only here is it known which of these a call became, so this is where they are counted (after commit): a created sync,
 * a replay, a concurrency rejection.
 */
@ApplicationScoped
public class IdempotentJobs {
    static final String TOKEN_KEY = "pk_client_token";
    static final String ACTIVE_JOB_KEY = "uq_deployment_job_active_fleet";

    private final ClientTokenRepository tokens;
    private final FleetMetrics metrics;

    public IdempotentJobs(ClientTokenRepository tokens, FleetMetrics metrics) {
        this.tokens = tokens;
        this.metrics = metrics;
    }

    /** @param work creates the job and its token row (see {@link #tokenFor}); runs only when the token is new */
    public Uni<DeploymentJob> once(String accountId, IdempotencyKey key, Supplier<Uni<DeploymentJob>> work) {
        return replayOr(accountId, key, () -> Panache.withTransaction(() -> work.get().map(Answer::created)))
                .onFailure(IdempotentJobs::lostRace)
                .recoverWithUni(failure -> replayOr(accountId, key, () -> Uni.createFrom().failure(translate(key, failure))))
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
            metrics.idempotentReplay(key.operation());
        } else if (DeploymentJobService.SYNC.equals(key.operation())) {
            metrics.syncCreated();
        }
        return answer.job();
    }

    static ClientToken tokenFor(String accountId, IdempotencyKey key, DeploymentJob job) {
        ClientToken token = new ClientToken();
        token.accountId = accountId;
        token.token = key.token();
        token.operation = key.operation();
        token.fingerprint = key.fingerprint();
        token.jobArn = job.arn;
        token.createdAt = job.createdAt;
        return token;
    }

    private static Uni<Answer> replay(IdempotencyKey key, ClientTokenRepository.TokenWithJob used) {
        if (!key.sameCallAs(used.token())) {
            return Uni.createFrom().failure(ServiceError.IDEMPOTENT_PARAMETER_MISMATCH.exception("The clientRequestToken '" + key.token()
                    + "' was already used with different parameters (by " + used.token().operation + ")"));
        }
        return Uni.createFrom().item(new Answer(used.job(), true));
    }

    private static boolean lostRace(Throwable failure) {
        return UniqueViolations.isUnique(failure, TOKEN_KEY) || UniqueViolations.isUnique(failure, ACTIVE_JOB_KEY);
    }

    private Throwable translate(IdempotencyKey key, Throwable failure) {
        if (UniqueViolations.isUnique(failure, ACTIVE_JOB_KEY)) {
            metrics.concurrencyRejected(key.operation());
            return ServiceError.CONCURRENT_DEPLOYMENT.exception(
                    "The fleet already has an active deployment job (Pending, Preparing or InProgress); wait for it to finish or cancel it");
        }
        return failure;
    }
}
