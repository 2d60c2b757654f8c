package dev.fleetsync.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription this instance has claimed to deliver to, as claimed: the lease token its writes must name, and the
 * delivery state it starts from. The secret is still sealed.
 */
public record Claim(String id, String accountId, String url, List<String> eventTypes, byte[] sealedSecret, long deliveredSeq,
        int failures, Instant failingSince, UUID token) {

    /** Whether the subscription's filter lets an event of this type through (no types: all). */
    public boolean wants(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }

    /** The claim after a successful delivery: no failures in a row any more. */
    public Claim succeeded() {
        return failures == 0 ? this : new Claim(id, accountId, url, eventTypes, sealedSecret, deliveredSeq, 0, null, token);
    }

    @Override
    public String toString() {
        return "Claim[" + id + " after " + deliveredSeq + "]"; // never the URL (it may carry a token) or the secret
    }
}
