package dev.fleetsync.deployment;

import dev.fleetsync.common.AccountArn;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class DeploymentJobRepository implements PanacheRepositoryBase<DeploymentJob, AccountArn> {

    public Uni<DeploymentJob> find(String accountId, String arn) {
        return findById(new AccountArn(accountId, arn));
    }

    /** A job whose fleet is deleted cannot finish: it fails, freeing nothing else (the fleet is gone). */
    public Uni<Integer> failActiveOfDeletedFleet(String accountId, String fleetArn, Instant now) {
        return update("status = :failed, failureCode = 'DeploymentFleetDoesNotExist', "
                + "failureReason = 'The fleet was deleted during the deployment', updatedAt = :now "
                + "where accountId = :accountId and fleetArn = :fleetArn and status in :active",
                Parameters.with("failed", DeploymentStatus.Failed).and("now", now).and("accountId", accountId)
                        .and("fleetArn", fleetArn).and("active", DeploymentStatus.ACTIVE));
    }
}
