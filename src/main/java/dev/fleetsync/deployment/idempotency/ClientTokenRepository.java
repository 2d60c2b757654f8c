package dev.fleetsync.deployment.idempotency;

import dev.fleetsync.deployment.DeploymentJob;
import dev.fleetsync.deployment.DeploymentStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;

/**
 * Client tokens. They are persisted through Panache with their job, in its transaction; the read that answers a retry
 * goes straight through the reactive client, outside any session.
 */
@ApplicationScoped
public class ClientTokenRepository implements PanacheRepositoryBase<ClientToken, ClientToken.Key> {
    /**
     * Why not HQL: a retry is one primary-key read, and opening and closing a Hibernate session around it, with the
     * query's entity loading, was up to a quarter of the service's CPU per retry (docs/benchmarks.md). The read changes
     * nothing, so it needs neither the session's identity map nor its dirty checking. The benchmark's raw SQL sends
     * exactly this statement (through a test-side accessor of this package).
     */
    static final String TOKEN_WITH_JOB = """
            select t.operation, t.fingerprint, t.created_at as token_created_at, j.fleet_arn, j.status, j.application_arn, j.application_version,
                   j.launch_config, j.concurrent_percentage, j.failure_threshold_percentage, j.robot_timeout_seconds,
                   j.download_condition_file, j.failure_code, j.failure_reason, j.created_at as job_created_at, j.updated_at, j.arn
            from client_token t join deployment_job j on j.account_id = t.account_id and j.arn = t.job_arn
            where t.account_id = $1 and t.token = $2""";

    private final Pool pool;

    public ClientTokenRepository(Pool pool) {
        this.pool = pool;
    }

    /** The token with the job it made, in one statement (a token never outlives its job); null when the token is new. */
    public Uni<TokenWithJob> findWithJob(String accountId, String token) {
        return pool.preparedQuery(TOKEN_WITH_JOB).execute(Tuple.of(accountId, token)).map(rows -> {
            Iterator<Row> found = rows.iterator();
            return found.hasNext() ? tokenWithJob(accountId, token, found.next()) : null;
        });
    }

    private static TokenWithJob tokenWithJob(String accountId, String token, Row row) {
        ClientToken used = new ClientToken();
        used.accountId = accountId;
        used.token = token;
        used.operation = row.getString("operation");
        used.fingerprint = row.getString("fingerprint");
        used.createdAt = row.getOffsetDateTime("token_created_at").toInstant();
        DeploymentJob job = new DeploymentJob();
        job.accountId = accountId;
        job.arn = row.getString("arn");
        job.fleetArn = row.getString("fleet_arn");
        job.status = DeploymentStatus.valueOf(row.getString("status"));
        job.applicationArn = row.getString("application_arn");
        job.applicationVersion = row.getInteger("application_version");
        job.launchConfig = row.getString("launch_config");
        job.concurrentPercentage = row.getInteger("concurrent_percentage");
        job.failureThresholdPercentage = row.getInteger("failure_threshold_percentage");
        job.robotTimeoutSeconds = row.getLong("robot_timeout_seconds");
        job.downloadConditionFile = row.getString("download_condition_file");
        job.failureCode = row.getString("failure_code");
        job.failureReason = row.getString("failure_reason");
        job.createdAt = row.getOffsetDateTime("job_created_at").toInstant();
        job.updatedAt = row.getOffsetDateTime("updated_at").toInstant();
        used.jobArn = job.arn;
        return new TokenWithJob(used, job);
    }

    public record TokenWithJob(ClientToken token, DeploymentJob job) {
    }
}
