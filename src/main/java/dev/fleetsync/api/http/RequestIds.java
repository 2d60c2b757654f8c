package dev.fleetsync.api.http;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every answer carries {@code x-amzn-RequestId}, including those Vert.x writes before our resources run
 * (oversize bodies, unknown paths), so the header is added at the router, first of all the edge's steps.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "x-amzn-RequestId";
    public static final String CONTEXT_KEY = "fleetsync.requestId";

    /** The edge's first step ({@link Edge}). */
    void handle(RoutingContext ctx) {
        assign(ctx);
        ctx.next();
    }

    /** Gives the answer an id if the first step never ran (the router failed the request before any step). */
    static void ensure(RoutingContext ctx) {
        if (!ctx.response().headers().contains(HEADER)) {
            assign(ctx);
        }
    }

    private static void assign(RoutingContext ctx) {
        String id = newId();
        ctx.put(CONTEXT_KEY, id);
        ctx.response().headers().set(HEADER, id);
    }

    /**
     * A random (version 4) UUID drawn from the thread's own generator. A request id must be unique, not unguessable, and
     * {@link UUID#randomUUID()} draws from the shared SecureRandom: a lock and a read of the kernel's pool per request,
     * about 5 % of a retry's CPU.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62); // the IETF variant
        return new UUID(high, low).toString();
    }
}
