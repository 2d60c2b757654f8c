package dev.fleetsync.application;

import dev.fleetsync.common.Hql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Numbered versions. Callers run inside a session (and a transaction for writes). */
@ApplicationScoped
public class RobotApplicationVersionRepository implements PanacheRepositoryBase<RobotApplicationVersion, RobotApplicationVersion.Key>,
        Hql.Statements {
    private static final String MAX_VERSION = "select coalesce(max(v.version), 0) "
            + "from RobotApplicationVersion v where v.accountId = :accountId and v.applicationArn = :arn";

    @Override
    public List<Hql> statements() {
        return List.of(new Hql(MAX_VERSION, Integer.class));
    }


    public Uni<RobotApplicationVersion> find(String accountId, String applicationArn, int version) {
        return findById(new RobotApplicationVersion.Key(accountId, applicationArn, version));
    }

    /** Whether that numbered version exists; runs in the caller's session (used by deployments). */
    public Uni<Boolean> versionExists(String accountId, String applicationArn, int version) {
        return count("accountId = ?1 and applicationArn = ?2 and version = ?3", accountId, applicationArn, version)
                .map(n -> n > 0);
    }

    /** The highest version number of the application, 0 when it has none. */
    public Uni<Integer> maxVersion(String accountId, String applicationArn) {
        return getSession().chain(session -> session.createSelectionQuery(MAX_VERSION, Integer.class)
                .setParameter("accountId", accountId).setParameter("arn", applicationArn).getSingleResult());
    }

    public Uni<Long> deleteOne(String accountId, String applicationArn, int version) {
        return delete("accountId = ?1 and applicationArn = ?2 and version = ?3", accountId, applicationArn, version);
    }

    public Uni<Long> deleteAll(String accountId, String applicationArn) {
        return delete("accountId = ?1 and applicationArn = ?2", accountId, applicationArn);
    }
}
