package dev.fleetsync.auth;

import dev.fleetsync.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The access keys fleetsync accepts: those in configuration plus those in the principals file, which is re-read when it
 * changes (checked at most once per interval), so keys rotate without a rebuild or a restart.
 */
@ApplicationScoped
public class Principals {
    private static final Logger LOG = Logger.getLogger(Principals.class);

    private final Map<String, Principal> configured;
    private final Optional<Path> file;
    private final long checkIntervalNanos;
    private volatile Snapshot fromFile = new Snapshot(Map.of(), null, Long.MIN_VALUE);

    public Principals(AuthConfig config) {
        this.configured = index(config.principals().orElse(List.of()).stream().map(Principal::parse).toList());
        this.file = config.principalsFile();
        this.checkIntervalNanos = config.principalsFileCheckInterval().toNanos();
    }

    public Optional<Principal> find(String accessKeyId) {
        Principal principal = configured.get(accessKeyId);
        return principal != null ? Optional.of(principal) : Optional.ofNullable(fileEntries().get(accessKeyId));
    }

    public Collection<Principal> all() {
        Map<String, Principal> all = new LinkedHashMap<>(fileEntries());
        all.putAll(configured);
        return all.values();
    }

    private Map<String, Principal> fileEntries() {
        if (file.isEmpty()) {
            return Map.of();
        }
        Snapshot current = fromFile;
        long now = System.nanoTime();
        if (current.checkedAt != Long.MIN_VALUE && now - current.checkedAt < checkIntervalNanos) {
            return current.principals;
        }
        synchronized (this) {
            fromFile = reload(fromFile, now);
            return fromFile.principals;
        }
    }

    /** A file that cannot be read or parsed keeps the last good principals: a half-written Secret must not lock everyone out. */
    private Snapshot reload(Snapshot previous, long now) {
        Path path = file.get();
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            if (modified.equals(previous.modified)) {
                return new Snapshot(previous.principals, modified, now);
            }
            List<Principal> read = Files.readAllLines(path).stream().flatMap(line -> Principal.parseLine(line).stream()).toList();
            LOG.infof("Read %d principal(s) from %s", read.size(), path);
            return new Snapshot(index(read), modified, now);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            if (previous.checkedAt == Long.MIN_VALUE) {
                throw new IllegalStateException("Cannot read principals file " + path + ": " + e.getMessage(), e);
            }
            LOG.errorf("Cannot read principals file %s, keeping the previous principals: %s", path, e.getMessage());
            return new Snapshot(previous.principals, previous.modified, now);
        }
    }

    private static Map<String, Principal> index(List<Principal> principals) {
        Map<String, Principal> byKey = new LinkedHashMap<>();
        for (Principal p : principals) {
            if (byKey.put(p.accessKeyId(), p) != null) {
                throw new IllegalArgumentException("Access key id " + p.accessKeyId() + " is configured twice");
            }
        }
        return Map.copyOf(byKey);
    }

    private record Snapshot(Map<String, Principal> principals, FileTime modified, long checkedAt) {
    }
}
