package dev.fleetsync.credential;

import dev.fleetsync.common.Hql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RobotCredentialRepository implements PanacheRepositoryBase<RobotCredential, String>, Hql.Statements {
    // Through the session, not Panache's list(String) and count(String), so that HqlWarmUp interprets them at start-up.
    private static final String OF_ROBOT = "from RobotCredential where accountId = :account and robotArn = :robot "
            + "order by createdAt, accessKeyId";
    private static final String COUNT = "select count(*) from RobotCredential where accountId = :account and robotArn = :robot";

    @Override
    public List<Hql> statements() {
        return List.of(new Hql(OF_ROBOT, RobotCredential.class), new Hql(COUNT, Long.class));
    }

    public Uni<List<RobotCredential>> ofRobot(String accountId, String robotArn) {
        return getSession().chain(s -> s.createSelectionQuery(OF_ROBOT, RobotCredential.class).setParameter("account", accountId)
                .setParameter("robot", robotArn).getResultList());
    }

    public Uni<Long> countOfRobot(String accountId, String robotArn) {
        return getSession().chain(s -> s.createSelectionQuery(COUNT, Long.class).setParameter("account", accountId)
                .setParameter("robot", robotArn).getSingleResult());
    }

    /** The credential, if it is one of the account's. */
    public Uni<RobotCredential> find(String accountId, String accessKeyId) {
        return findById(accessKeyId).map(found -> found != null && found.accountId.equals(accountId) ? found : null);
    }
}
