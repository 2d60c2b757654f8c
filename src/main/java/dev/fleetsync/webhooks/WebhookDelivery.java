package dev.fleetsync.webhooks;

import dev.fleetsync.common.BackgroundWork;
import dev.fleetsync.common.Notifications;
import dev.fleetsync.config.WebhooksConfig;
import dev.fleetsync.events.Event;
import dev.fleetsync.events.EventFilter;
import dev.fleetsync.events.EventQueries;
import dev.fleetsync.ops.Draining;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Delivers each enabled subscription's events from the outbox (the events table), in sequence order, one at a time per
 * subscription, at least once. An instance claims due subscriptions with a lease (DeliveryQueries), woken by the
 * events' NOTIFY for an account it knows to have subscriptions and by a periodic sweep, which also picks up retries
 * whose back-off ran out and the subscriptions of an instance whose lease expired. The cursor moves only after a 2xx,
 * so an event in flight when an instance dies is sent again by the next claimant: receivers deduplicate on its id.
 */
@ApplicationScoped
public class WebhookDelivery {
    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);

    private final Vertx vertx;
    private final DeliveryQueries queries;
    private final EventQueries events;
    private final WebhookSender sender;
    private final SecretBox secrets;
    private final Notifications notifications;
    private final BackgroundWork background;
    private final Draining draining;
    private final WebhooksConfig config;
    private final Clock clock;
    private final FailurePolicy policy;
    private final Counter delivered;
    private final Counter failed;
    private final Counter disabled;
    /** Accounts with enabled subscriptions, and how many, as of the last sweep: other accounts' notices cost nothing. */
    private volatile Map<String, Integer> subscribed = Map.of();
    /** Subscriptions this instance is delivering to now, per account. */
    private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final Object claiming = new Object();
    private boolean claimInFlight;
    private boolean claimAgain;
    /** A claim found every delivery slot taken: the next delivery to end claims again. */
    private volatile boolean starved;
    /** Accounts that had new events while all their subscriptions were being delivered here. */
    private final Set<String> behind = ConcurrentHashMap.newKeySet();
    /**
     * Until when a notice claims nothing: a claim that found nothing means the account's subscriptions are leased
     * elsewhere (or backing off), and claiming again at every commit of a busy account would only load the database.
     */
    private volatile long quietUntil;
    private long timer = -1;

    public WebhookDelivery(Vertx vertx, DeliveryQueries queries, EventQueries events, WebhookSender sender, SecretBox secrets,
            Notifications notifications, BackgroundWork background, Draining draining, WebhooksConfig config, Clock clock,
            MeterRegistry registry) {
        if (config.lease().compareTo(config.timeout().multipliedBy(3)) < 0) {
            throw new IllegalStateException("fleetsync.webhooks.lease (" + config.lease() + ") must be at least three times "
                    + "fleetsync.webhooks.timeout (" + config.timeout() + "), or a slow delivery could outlive its lease");
        }
        this.vertx = vertx;
        this.queries = queries;
        this.events = events;
        this.sender = sender;
        this.secrets = secrets;
        this.notifications = notifications;
        this.background = background;
        this.draining = draining;
        this.config = config;
        this.clock = clock;
        this.policy = new FailurePolicy(new RetryBackoff(config.retryBase(), config.retryMax()), config.maxFailures());
        this.delivered = deliveries(registry, "delivered");
        this.failed = deliveries(registry, "failed");
        this.disabled = Counter.builder("fleetsync.webhook.subscriptions.disabled")
                .description("Subscriptions disabled after failing maxFailures times in a row").register(registry);
        registry.gauge("fleetsync.webhook.deliveries.active", running);
    }

    private static Counter deliveries(MeterRegistry registry, String outcome) {
        return Counter.builder("fleetsync.webhook.deliveries").tag("outcome", outcome)
                .description("Webhook delivery attempts by outcome").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!notifications.listen(Notifications.EVENTS, this::wake, this::sweep)) {
            LOG.info("No database to listen to: webhooks are delivered by the periodic sweep only");
        }
        timer = vertx.setPeriodic(config.sweepPeriod().toMillis(), id -> sweep());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Refreshes which accounts have subscriptions, then claims whatever is due, of any account. */
    public void sweep() {
        if (draining.draining()) {
            return;
        }
        background.run("Looking for due webhook deliveries", () -> queries.subscribedAccounts().invoke(found -> subscribed = found)
                .invoke(() -> claim(false)));
    }

    /** A subscription was created here: this instance need not wait for its next sweep to know the account has one. */
    void noteSubscribed(String accountId) {
        Map<String, Integer> known = new HashMap<>(subscribed);
        known.merge(accountId, 1, Integer::sum);
        subscribed = Map.copyOf(known);
    }

    private void wake(String accountId) {
        Integer subscriptions = subscribed.get(accountId);
        if (subscriptions == null) {
            return;
        }
        AtomicInteger here = active.get(accountId);
        if (here != null && here.get() >= subscriptions) {
            // every subscription of the account is being delivered here: those deliveries read on, and if one has just
            // given its lease back without seeing this event, its end claims again
            behind.add(accountId);
            return;
        }
        if (System.nanoTime() < quietUntil) {
            return; // the last claim found nothing: another instance holds them and reads on; the sweep checks again
        }
        claim(true);
    }

    /**
     * One claim statement at a time; a wake-up during one makes one more after it. Only a claim a notice asked for that
     * finds nothing quiets the notices: the sweep's empty claims are the normal case of an idle instance.
     */
    private void claim(boolean noticed) {
        synchronized (claiming) {
            if (claimInFlight) {
                claimAgain = true;
                return;
            }
            claimInFlight = true;
        }
        background.run("Claiming webhook subscriptions", () -> claimOnce(noticed));
    }

    private Uni<Void> claimOnce(boolean noticed) {
        int free = config.concurrency() - running.get();
        starved = free <= 0;
        Uni<List<Claim>> claimed = free <= 0 || draining.draining() ? Uni.createFrom().item(List.of())
                : queries.claim(now(), free, leaseEnd());
        return claimed.invoke(claims -> {
            if (noticed || !claims.isEmpty()) {
                quietUntil = claims.isEmpty() && free > 0 ? System.nanoTime() + quiet() : 0;
            }
            claims.forEach(this::begin);
        }).replaceWithVoid().eventually(() -> {
            boolean again;
            synchronized (claiming) {
                again = claimAgain && running.get() < config.concurrency();
                claimAgain = false;
                claimInFlight = false;
            }
            if (again) {
                claim(true);
            }
        });
    }

    private void begin(Claim claim) {
        running.incrementAndGet();
        active.computeIfAbsent(claim.accountId(), k -> new AtomicInteger()).incrementAndGet();
        background.run("Delivering to webhook subscription " + claim.id(), () -> deliver(claim).eventually(() -> {
            running.decrementAndGet();
            active.computeIfPresent(claim.accountId(), (k, n) -> n.decrementAndGet() == 0 ? null : n);
            if (behind.remove(claim.accountId()) | starved) {
                claim(false);
            }
        }));
    }

    /** Delivers the claimed subscription's backlog until it has caught up, fails, or loses its claim. */
    Uni<Void> deliver(Claim claim) {
        String secret;
        try {
            secret = secrets.open(claim.sealedSecret());
        } catch (IllegalStateException e) {
            return fail(claim, claim.deliveredSeq(), "its signing secret cannot be read (was fleetsync.webhooks.secret-key changed?)",
                    true).replaceWithVoid();
        }
        return readFrom(claim, secret, claim.deliveredSeq());
    }

    private Uni<Void> readFrom(Claim claim, String secret, long cursor) {
        if (draining.draining()) {
            return Uni.createFrom().voidItem(); // the lease runs out and another instance goes on from the cursor
        }
        return events.after(claim.accountId(), EventFilter.ALL, cursor, config.batch())
                .flatMap(batch -> sendFrom(claim, secret, batch, 0, cursor));
    }

    /** {@code claim} carries the failures so far: those it was claimed with, none after a success. */
    private Uni<Void> sendFrom(Claim claim, String secret, EventQueries.Batch batch, int from, long cursor) {
        List<Event> found = batch.events();
        int next = from;
        while (next < found.size() && !claim.wants(found.get(next).type().name())) {
            next++; // filtered out: the cursor passes it with the next write
        }
        if (next == found.size()) {
            long seen = Math.max(cursor, batch.seenUpTo());
            if (found.size() == config.batch()) {
                return advanceAndRead(claim, secret, seen);
            }
            // caught up: give the lease back, unless something newer committed meanwhile
            return queries.release(claim, seen).flatMap(released -> released ? Uni.createFrom().voidItem()
                    : advanceAndRead(claim, secret, seen));
        }
        Event event = found.get(next);
        int index = next;
        return sender.send(claim, secret, event).flatMap(outcome -> {
            if (!outcome.delivered()) {
                failed.increment();
                return fail(claim, cursor, outcome.cause(), false).replaceWithVoid();
            }
            delivered.increment();
            return queries.advance(claim, event.seq(), leaseEnd())
                    .flatMap(held -> held ? sendFrom(claim.succeeded(), secret, batch, index + 1, event.seq()) : lost(claim));
        });
    }

    /** Moves the cursor past what was read (filtered-out events), renewing the lease, and reads on from there. */
    private Uni<Void> advanceAndRead(Claim claim, String secret, long seen) {
        return queries.advance(claim, seen, leaseEnd()).flatMap(held -> held ? readFrom(claim, secret, seen) : lost(claim));
    }

    /** Records a failure: retried after the back-off, or the subscription disabled; the lease is given back either way. */
    private Uni<Boolean> fail(Claim claim, long cursor, String cause, boolean disableNow) {
        Instant now = now();
        FailurePolicy.Decision decision = disableNow
                ? new FailurePolicy.Disable(claim.failures() + 1, claim.failingSince() == null ? now : claim.failingSince(),
                        "Disabled: " + cause)
                : policy.after(claim.failures(), claim.failingSince(), now, cause, ThreadLocalRandom.current()::nextDouble);
        if (decision instanceof FailurePolicy.Disable disable) {
            return queries.disable(claim, disable, now).invoke(done -> {
                if (done) {
                    disabled.increment();
                    LOG.warnf("Webhook subscription %s of account %s disabled at event %d: %s", claim.id(), claim.accountId(),
                            cursor + 1, disable.reason());
                }
            });
        }
        FailurePolicy.Retry retry = (FailurePolicy.Retry) decision;
        LOG.debugf("Webhook subscription %s: delivery after event %d failed (%s), try %d again at %s", claim.id(), cursor,
                cause, retry.failures(), retry.at());
        return queries.retry(claim, retry);
    }

    private Uni<Void> lost(Claim claim) {
        LOG.debugf("Webhook subscription %s: claim lost (disabled, deleted or taken over); stopping here", claim.id());
        return Uni.createFrom().voidItem();
    }

    private long quiet() {
        return Math.min(config.sweepPeriod().toNanos(), Duration.ofSeconds(1).toNanos());
    }

    private Instant leaseEnd() {
        return now().plus(config.lease());
    }

    private Instant now() {
        return clock.instant();
    }
}
