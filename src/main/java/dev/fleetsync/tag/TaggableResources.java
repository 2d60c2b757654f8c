package dev.fleetsync.tag;

import dev.fleetsync.common.NativeSql;
import dev.fleetsync.common.ResourceType;
import dev.fleetsync.common.ServiceException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Finds the resource an ARN names, in the caller's account, whatever its type. Tags may only be attached to a
 * resource that exists: an ARN of a type we do not serve, a missing resource and another account's resource all
 * answer ResourceNotFoundException, alike.
 */
@ApplicationScoped
public class TaggableResources {
    /** Table of each type; fixed strings only, so the SQL below never carries caller input outside its parameters. */
    private static final Map<ResourceType, String> TABLES = Map.of(
            ResourceType.FLEET, "fleet",
            ResourceType.ROBOT, "robot",
            ResourceType.ROBOT_APPLICATION, "robot_application",
            ResourceType.DEPLOYMENT_JOB, "deployment_job");

    /** Succeeds when the resource exists; call within a session. */
    public Uni<Void> require(String accountId, String arn) {
        return find(accountId, arn, "");
    }

    /**
     * As {@link #require}, and row-locks the resource until the transaction ends, so concurrent tag writes to one
     * resource run one after the other (the 50-tag cap is checked against committed tags) and cannot interleave with
     * a delete that locks the row. Call within a transaction.
     */
    public Uni<Void> lock(String accountId, String arn) {
        return find(accountId, arn, " for update");
    }

    private Uni<Void> find(String accountId, String arn, String lockClause) {
        String table = ResourceType.of(arn).map(TABLES::get).orElse(null);
        if (table == null) {
            return Uni.createFrom().failure(missing(arn));
        }
        String sql = "select 1 from " + table + " where account_id = :accountId and arn = :arn" + lockClause;
        return NativeSql.run(sql, Map.of("accountId", accountId, "arn", arn))
                .chain(found -> found == 0 ? Uni.createFrom().failure(missing(arn)) : Uni.createFrom().voidItem());
    }

    private static ServiceException missing(String arn) {
        return ServiceException.notFound("Resource " + arn + " does not exist");
    }
}
