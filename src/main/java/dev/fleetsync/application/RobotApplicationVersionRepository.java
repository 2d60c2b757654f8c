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
    // Through the session rather than Panache's count(String) and delete(String), so that HqlWarmUp interprets them.
    private static final String EXISTS = "select count(*) from RobotApplicationVersion "
            + "where accountId = :accountId and applicationArn = :arn and version = :version";
    private static final String DELETE_ONE = "delete from RobotApplicationVersion "
            + "where accountId = :accountId and applicationArn = :arn and version = :version";
    private static final String DELETE_ALL = "delete from RobotApplicationVersion where accountId = :accountId and applicationArn = :arn";
    private static final String MAX_VERSION = "select coalesce(max(v.version), 0) "
            + "from RobotApplicationVersion v where v.accountId = :accountId and v.applicationArn = :arn";

    @Override
    public List<Hql> statements() {
        return List.of(new Hql(MAX_VERSION, Integer.class), new Hql(EXISTS, Long.class), new Hql(DELETE_ONE, null),
                new Hql(DELETE_ALL, null));
    }

    public Uni<RobotApplicationVersion> find(String accountId, String applicationArn, int version) {
        return findById(new RobotApplicationVersion.Key(accountId, applicationArn, version));
    }

    /** Whether that numbered version exists; runs in the caller's session (used by deployments). */
    public Uni<Boolean> versionExists(String accountId, String applicationArn, int version) {
        return getSession().chain(s -> s.createSelectionQuery(EXISTS, Long.class).setParameter("accountId", accountId)
                .setParameter("arn", applicationArn).setParameter("version", version).getSingleResult()).map(n -> n > 0);
    }

    /** The highest version number of the application, 0 when it has none. */
    public Uni<Integer> maxVersion(String accountId, String applicationArn) {
        return getSession().chain(session -> session.createSelectionQuery(MAX_VERSION, Integer.class)
                .setParameter("accountId", accountId).setParameter("arn", applicationArn).getSingleResult());
    }

    public Uni<Long> deleteOne(String accountId, String applicationArn, int version) {
        return getSession().chain(s -> s.createMutationQuery(DELETE_ONE).setParameter("accountId", accountId).setParameter("arn", applicationArn)
                .setParameter("version", version).executeUpdate()).map(Integer::longValue);
    }

    public Uni<Long> deleteAll(String accountId, String applicationArn) {
        return getSession().chain(s -> s.createMutationQuery(DELETE_ALL).setParameter("accountId", accountId).setParameter("arn", applicationArn)
                .executeUpdate()).map(Integer::longValue);
    }
}
