package dev.fleetsync.webhooks;

import dev.fleetsync.config.WebhooksConfig;
import dev.fleetsync.events.Event;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeoutException;

/**
 * One delivery: the event's JSON POSTed to the subscription's URL, signed, with the headers of docs/webhooks.md. A 2xx
 * is delivered; anything else (another status, a redirect, which is never followed, a refused connection, a time-out)
 * is a failure described without the URL, which may carry a receiver's token.
 */
@ApplicationScoped
public class WebhookSender {
    public static final String DELIVERY_ID = "X-Fleetsync-Delivery-Id";
    public static final String EVENT_TYPE = "X-Fleetsync-Event-Type";
    public static final String SUBSCRIPTION_ID = "X-Fleetsync-Subscription-Id";

    private final HttpClient client;
    private final WebhooksConfig config;
    private final Clock clock;

    public WebhookSender(Vertx vertx, WebhooksConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        int timeout = (int) config.timeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeout).setKeepAlive(true)
                .setMaxPoolSize(config.concurrency()));
    }

    /** What came of one try. */
    public record Outcome(boolean delivered, String cause) {
        static final Outcome DELIVERED = new Outcome(true, null);
    }

    public Uni<Outcome> send(Claim claim, String secret, Event event) {
        byte[] body = event.json().getBytes(StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(claim.url()).setFollowRedirects(false)
                .setIdleTimeout(config.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "fleetsync-webhooks")
                .putHeader(WebhookSignature.HEADER, WebhookSignature.header(secret, now, body))
                .putHeader(DELIVERY_ID, Long.toString(event.seq()))
                .putHeader(EVENT_TYPE, event.type().name())
                .putHeader(SUBSCRIPTION_ID, claim.id());
        return client.request(request)
                .flatMap(sent -> sent.send(Buffer.buffer(body)))
                // the answer's body is not wanted: drained, so the connection can serve the next delivery
                .flatMap(response -> response.handler(ignored -> { }).end().replaceWith(response.statusCode()))
                .map(WebhookSender::outcome)
                // the idle timeout bounds each wait; this bounds a receiver that answers a byte at a time
                .ifNoItem().after(config.timeout().multipliedBy(2)).failWith(TimeoutException::new)
                .onFailure().recoverWithItem(this::failed);
    }

    private static Outcome outcome(int status) {
        return status >= 200 && status < 300 ? Outcome.DELIVERED : new Outcome(false, "HTTP " + status);
    }

    private Outcome failed(Throwable failure) {
        // ours above, Vert.x's idle timeout (NoStackTraceTimeoutException), Netty's ConnectTimeoutException
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            return new Outcome(false, "no answer within " + config.timeout().toSeconds() + "s");
        }
        String message = failure.getMessage();
        return new Outcome(false, failure.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message)));
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    void stop(@Observes ShutdownEvent event) {
        client.closeAndForget();
    }
}
