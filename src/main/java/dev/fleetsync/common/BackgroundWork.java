package dev.fleetsync.common;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs work that no request carries (the rollout's and retention's timers, kicks from other threads) on a Vert.x context Hibernate
 * Reactive accepts, logs a failure once, and lets what is running finish at shutdown.
 */
@ApplicationScoped
public class BackgroundWork {
    private static final Logger LOG = Logger.getLogger(BackgroundWork.class);
    /** Bounds the wait for running work at shutdown; each is one short transaction, and an unfinished one rolls back. */
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final Vertx vertx;
    private final Set<CompletableFuture<Void>> running = ConcurrentHashMap.newKeySet();

    public BackgroundWork(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Runs {@code work} on a duplicated context marked safe (timers and callers from other threads have none); a failure
     * is logged here, once, as {@code what} failed. A failed rollout step rolls back and is repeated on a later tick.
     */
    public void run(String what, Supplier<Uni<?>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<Void> done = new CompletableFuture<>();
        running.add(done);
        done.whenComplete((ok, failure) -> running.remove(done));
        context.runOnContext(v -> Uni.createFrom().deferred(work).subscribe().with(ok -> done.complete(null), failure -> {
            done.complete(null);
            LOG.warn(what + " failed; it is tried again later", failure);
        }));
    }

    /** After the schedulers' timers are cancelled (the default priority), the work they started is let commit. */
    void stop(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER) ShutdownEvent event) {
        if (Context.isOnEventLoopThread()) {
            return; // the work needs this very thread to finish: waiting here would only stall it
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warnf("%d background task(s) still running at shutdown; they roll back and are repeated later", running.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
