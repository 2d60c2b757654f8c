package dev.fleetsync.application;

import dev.fleetsync.common.Hql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The entries of ListRobotApplications in (application createdAt, arn, version) order, $LATEST first as version 0.
 * Listing every version is a union of heads and snapshots, which the keyset cursor spans. HQL rather than native SQL,
 * so that its plan is reused (see NativeSql). Callers run inside a session.
 */
@ApplicationScoped
public class ApplicationSummaryQuery implements Hql.Statements {
    private static final String HEADS = "select a.createdAt as createdAt, a.arn as arn, 0 as version, a.name as name, "
            + "a.suiteName as suiteName, a.suiteVersion as suiteVersion, a.lastUpdatedAt as updatedAt "
            + "from RobotApplication a where a.accountId = :accountId";
    private static final String VERSIONS = "select a.createdAt, a.arn, v.version, a.name, v.suiteName, v.suiteVersion, v.createdAt "
            + "from RobotApplicationVersion v join RobotApplication a on a.accountId = v.accountId and a.arn = v.applicationArn "
            + "where a.accountId = :accountId";
    private static final String NAME = " and a.name = :name";
    private static final String AFTER = " where (e.createdAt, e.arn, e.version) > (:afterCreatedAt, :afterArn, :afterVersion)";

    /** Up to {@code limit} entries after the cursor; numbered versions only when {@code allVersions}. */
    public Uni<List<ApplicationSummary>> page(String accountId, String name, boolean allVersions, ApplicationCursor after, int limit) {
        String hql = hql(name != null, allVersions, after != null);
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createSelectionQuery(hql, Object[].class)
                    .setParameter("accountId", accountId)
                    .setMaxResults(limit);
            if (name != null) {
                query.setParameter("name", name);
            }
            if (after != null) {
                query.setParameter("afterCreatedAt", after.createdAt())
                        .setParameter("afterArn", after.arn())
                        .setParameter("afterVersion", after.version());
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(ApplicationSummaryQuery::summary).toList());
    }

    /** The page's statement: one of eight, by which of the name filter, the numbered versions and the cursor it has. */
    private static String hql(boolean named, boolean allVersions, boolean after) {
        String filter = named ? NAME : "";
        String entries = HEADS + filter + (allVersions ? " union all " + VERSIONS + filter : "");
        return "select e.createdAt, e.arn, e.version, e.name, e.suiteName, e.suiteVersion, e.updatedAt from (" + entries + ") e"
                + (after ? AFTER : "") + " order by e.createdAt, e.arn, e.version";
    }

    @Override
    public List<Hql> statements() {
        List<Hql> statements = new ArrayList<>();
        for (int variant = 0; variant < 8; variant++) {
            statements.add(new Hql(hql((variant & 1) != 0, (variant & 2) != 0, (variant & 4) != 0), Object[].class));
        }
        return statements;
    }

    private static ApplicationSummary summary(Object[] row) {
        return new ApplicationSummary((Instant) row[0], (String) row[1], ((Number) row[2]).intValue(), (String) row[3],
                (SuiteName) row[4], (SuiteVersion) row[5], (Instant) row[6]);
    }
}
