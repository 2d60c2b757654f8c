package dev.fleetsync.ops;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The newest migration this build ships, read once at start-up (after Flyway migrated). Readiness compares the
 * database against it; a newer schema, migrated by a newer replica during a rolling upgrade, also counts as ready.
 */
@ApplicationScoped
public class MigrationTarget {
    private final Flyway flyway;
    private volatile boolean known;
    private volatile Optional<String> version = Optional.empty();

    public MigrationTarget(Flyway flyway) {
        this.flyway = flyway;
    }

    void read(@Observes StartupEvent event) {
        version = Arrays.stream(flyway.info().all())
                .filter(info -> info.getState().isResolved() && info.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion);
        known = true;
    }

    /** Whether start-up has read the target yet. */
    public boolean known() {
        return known;
    }

    /** The newest versioned migration on the class path, e.g. {@code "1"}; empty when there is none. */
    public Optional<String> version() {
        return version;
    }
}
