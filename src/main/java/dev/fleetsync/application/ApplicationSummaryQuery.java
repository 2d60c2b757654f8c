package dev.fleetsync.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The entries of ListRobotApplications in (application createdAt, arn, version) order, $LATEST first as version 0.
 * Native SQL because listing every version is a union of heads and snapshots, which the keyset cursor spans.
 * Callers run inside a session.
 */
@ApplicationScoped
public class ApplicationSummaryQuery {
    private static final String MILLIS = "cast(extract(epoch from %s) * 1000 as bigint)";
    private static final String HEADS = "select a.created_at, a.arn, 0 as version, a.name, a.suite_name, a.suite_version, "
            + "a.last_updated_at from robot_application a where a.account_id = :accountId";
    private static final String VERSIONS = "select a.created_at, a.arn, v.version, a.name, v.suite_name, v.suite_version, "
            + "v.created_at from robot_application_version v join robot_application a "
            + "on a.account_id = v.account_id and a.arn = v.application_arn where a.account_id = :accountId";
    private static final String NAME = " and a.name = :name";
    // Compared as a timestamp (not as millis) so the created_at index can serve the page.
    private static final String AFTER = " where (e.created_at, e.arn, e.version) > "
            + "(timestamptz 'epoch' + cast(:afterMillis as bigint) * interval '1 millisecond', cast(:afterArn as varchar), "
            + "cast(:afterVersion as integer))";

    /** Up to {@code limit} entries after the cursor; numbered versions only when {@code allVersions}. */
    public Uni<List<ApplicationSummary>> page(String accountId, String name, boolean allVersions, ApplicationCursor after, int limit) {
        String filter = name == null ? "" : NAME;
        String entries = HEADS + filter + (allVersions ? " union all " + VERSIONS + filter : "");
        String sql = "select " + MILLIS.formatted("e.created_at") + ", e.arn, e.version, e.name, e.suite_name, e.suite_version, "
                + MILLIS.formatted("e.last_updated_at") + " from (" + entries + ") e"
                + (after == null ? "" : AFTER) + " order by e.created_at, e.arn, e.version";
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(sql, Object[].class)
                    .setParameter("accountId", accountId)
                    .setMaxResults(limit);
            if (name != null) {
                query.setParameter("name", name);
            }
            if (after != null) {
                query.setParameter("afterMillis", after.createdAt().toEpochMilli())
                        .setParameter("afterArn", after.arn())
                        .setParameter("afterVersion", after.version());
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(ApplicationSummaryQuery::summary).toList());
    }

    private static ApplicationSummary summary(Object[] row) {
        String suiteVersion = (String) row[5];
        return new ApplicationSummary(Instant.ofEpochMilli(((Number) row[0]).longValue()), (String) row[1],
                ((Number) row[2]).intValue(), (String) row[3], SuiteName.valueOf((String) row[4]),
                suiteVersion == null ? null : SuiteVersion.valueOf(suiteVersion), Instant.ofEpochMilli(((Number) row[6]).longValue()));
    }
}
