package dev.fleetsync.deployment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ClientTokenRepository implements PanacheRepositoryBase<ClientToken, ClientToken.Key> {

    public Uni<ClientToken> find(String accountId, String token) {
        return findById(new ClientToken.Key(accountId, token));
    }
}
