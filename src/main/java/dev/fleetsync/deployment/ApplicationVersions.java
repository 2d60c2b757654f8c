package dev.fleetsync.deployment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks that a job deploys a numbered application version that exists in the caller's account. */
@ApplicationScoped
public class ApplicationVersions {
    private static final String EXISTS = """
            select count(*) from robot_application_version
            where account_id = :account and application_arn = :application and version = :version
            """;

    public Uni<Void> require(String accountId, String applicationArn, int version) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(EXISTS, Long.class)
                        .setParameter("account", accountId)
                        .setParameter("application", applicationArn)
                        .setParameter("version", version)
                        .getSingleResult())
                .flatMap(count -> count > 0 ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(DeploymentJobService.versionMissing(applicationArn, version)));
    }
}
