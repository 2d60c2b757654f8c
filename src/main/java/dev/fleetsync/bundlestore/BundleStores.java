package dev.fleetsync.bundlestore;

import dev.fleetsync.application.BundleStore;
import dev.fleetsync.application.Etags;
import dev.fleetsync.config.BundleStoreConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The bundle store the configuration names: S3 when {@code fleetsync.bundle-store.endpoint} is set, else placeholders. */
@ApplicationScoped
public class BundleStores {

    @Produces
    @ApplicationScoped
    BundleStore bundleStore(BundleStoreConfig config, Vertx vertx, Clock clock) {
        if (config.endpoint().isEmpty()) {
            return (bucket, key, member) -> Uni.createFrom().item(Etags.placeholder(bucket, key));
        }
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setMaxPoolSize(16);
        return new S3BundleStore(vertx.createHttpClient(options), config, clock);
    }
}
