package dev.fleetsync.credential;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RobotCredentialRepository implements PanacheRepositoryBase<RobotCredential, String> {

    public Uni<List<RobotCredential>> ofRobot(String accountId, String robotArn) {
        return list("accountId = ?1 and robotArn = ?2 order by createdAt, accessKeyId", accountId, robotArn);
    }

    public Uni<Long> countOfRobot(String accountId, String robotArn) {
        return count("accountId = ?1 and robotArn = ?2", accountId, robotArn);
    }

    /** The credential, if it is one of the account's. */
    public Uni<RobotCredential> find(String accountId, String accessKeyId) {
        return findById(accessKeyId).map(found -> found != null && found.accountId.equals(accountId) ? found : null);
    }
}
