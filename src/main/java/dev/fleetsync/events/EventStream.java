package dev.fleetsync.events;

import dev.fleetsync.common.Notifications;
import dev.fleetsync.config.EventsConfig;
import dev.fleetsync.ops.Draining;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;

/**
 * The read side of events: an account's events as a stream, from a given number on, in order, each once. A held stream
 * is a registration and a cursor, no thread and no query: it reads only when woken, by the {@code NOTIFY} that
 * numbering sends once it has numbered them (on whichever instance it ran), or when the instance's listening
 * connection was (re)subscribed and notices may have been missed.
 */
@ApplicationScoped
public class EventStream {
    private static final Logger LOG = Logger.getLogger(EventStream.class);

    private final EventQueries queries;
    private final Notifications notifications;
    private final EventsConfig config;
    private final Draining draining;
    private final ConcurrentMap<String, Set<Reader>> readers = new ConcurrentHashMap<>();

    public EventStream(EventQueries queries, Notifications notifications, EventsConfig config, Draining draining) {
        this.queries = queries;
        this.notifications = notifications;
        this.config = config;
        this.draining = draining;
    }

    void start(@Observes StartupEvent event) {
        if (!notifications.listen(Notifications.EVENTS, this::wake, this::wakeAll)) {
            LOG.info("No database to listen to: event streams are woken by nothing");
        }
        // held streams end when this replica starts to drain, well inside the shutdown timeout
        draining.whenDraining().subscribe().with(v -> endAll());
    }

    /** Streams still held (opened while draining) end with the instance; clients resume elsewhere with Last-Event-ID. */
    void stop(@Observes ShutdownEvent event) {
        endAll();
    }

    private void endAll() {
        readers.values().forEach(set -> set.forEach(Reader::end));
    }

    /**
     * The account's events numbered after {@code after} that match {@code filter}, then every new one as it commits,
     * until the subscriber cancels.
     */
    public Multi<Event> follow(String accountId, EventFilter filter, long after) {
        return Multi.createFrom().emitter(emitter -> {
            Reader reader = new Reader(accountId, filter, after, emitter);
            readers.computeIfAbsent(accountId, k -> ConcurrentHashMap.newKeySet()).add(reader);
            emitter.onTermination(() -> forget(reader));
            reader.wake(); // catch up on what was recorded before the stream began
        });
    }

    /** Held streams of all accounts (for tests and metrics). */
    public int held() {
        return readers.values().stream().mapToInt(Set::size).sum();
    }

    private void wake(String accountId) {
        Set<Reader> woken = readers.get(accountId);
        if (woken != null) {
            woken.forEach(Reader::wake);
        }
    }

    private void wakeAll() {
        readers.values().forEach(set -> set.forEach(Reader::wake));
    }

    private void forget(Reader reader) {
        readers.computeIfPresent(reader.accountId, (k, set) -> {
            set.remove(reader);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * One stream's cursor. At most one read runs at a time; a wake-up during a read makes it read once more after, so
     * nothing committed before a wake-up is left unread and nothing is emitted twice.
     */
    private final class Reader {
        final String accountId;
        final EventFilter filter;
        final MultiEmitter<? super Event> emitter;
        long seen;
        boolean reading;
        boolean again;

        Reader(String accountId, EventFilter filter, long after, MultiEmitter<? super Event> emitter) {
            this.accountId = accountId;
            this.filter = filter;
            this.seen = after;
            this.emitter = emitter;
        }

        void wake() {
            synchronized (this) {
                if (reading) {
                    again = true;
                    return;
                }
                reading = true;
            }
            read();
        }

        void end() {
            emitter.complete();
        }

        private void read() {
            queries.after(accountId, filter, seen, config.readBatch()).subscribe().with(batch -> {
                batch.events().forEach(emitter::emit);
                boolean more;
                synchronized (this) {
                    more = batch.seenUpTo() > seen && batch.events().size() == config.readBatch();
                    seen = batch.seenUpTo();
                    more = (more || again) && !emitter.isCancelled();
                    again = false;
                    reading = more;
                }
                if (more) {
                    read();
                }
            }, failure -> {
                LOG.warnf("Could not read events of account %s; reading again at the next wake-up: %s", accountId, failure.toString());
                synchronized (this) {
                    reading = false;
                    again = false;
                }
            });
        }
    }
}
