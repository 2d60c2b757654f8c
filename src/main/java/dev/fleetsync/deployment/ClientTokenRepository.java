package dev.fleetsync.deployment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ClientTokenRepository implements PanacheRepositoryBase<ClientToken, ClientToken.Key> {

    /** The token with the job it made, in one statement (a token never outlives its job); null when the token is new. */
    public Uni<TokenWithJob> findWithJob(String accountId, String token) {
        return getSession().chain(session -> session.createSelectionQuery("select t, j from ClientToken t, DeploymentJob j "
                        + "where t.accountId = :account and t.token = :token and j.accountId = t.accountId and j.arn = t.jobArn",
                        Object[].class)
                .setParameter("account", accountId).setParameter("token", token).getSingleResultOrNull())
                .map(row -> row == null ? null : new TokenWithJob((ClientToken) row[0], (DeploymentJob) row[1]));
    }

    public record TokenWithJob(ClientToken token, DeploymentJob job) {
    }
}
