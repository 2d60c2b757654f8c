package dev.fleetsync.ops;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import java.util.Map;

/**
 * The native image ships no embedded PostgreSQL (its library is a {@code provided} dependency) and is built with
 * {@code --link-at-build-time}: the dev-mode launcher, found by name, must not be reachable there, or the build
 * fails on its missing classes. A native binary always needs a configured database.
 */
@TargetClass(className = "dev.fleetsync.config.DevDatabaseConfigSourceFactory")
final class NoEmbeddedDatabaseInNative {

    @Substitute
    private static Map<String, String> launch() {
        throw new IllegalStateException("The native image has no embedded PostgreSQL: set QUARKUS_DATASOURCE_REACTIVE_URL and "
                + "QUARKUS_DATASOURCE_JDBC_URL");
    }
}
