package dev.fleetsync.bench;

import dev.fleetsync.support.Signing;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The load generator's HTTP: keep-alive connections, one per client in flight, and requests signed with SigV4 as the
 * SDK signs them. Requests are signed before a measured phase ({@link #sign}), so the signing cost of the generator,
 * which shares the machine, is not charged to the service.
 */
final class SignedHttp implements AutoCloseable {
    private final HttpClient client;
    private final URI endpoint;

    SignedHttp(Vertx vertx, URI endpoint, int connections) {
        this.endpoint = endpoint;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setDefaultHost(endpoint.getHost())
                .setDefaultPort(endpoint.getPort()).setIdleTimeout(0), new PoolOptions().setHttp1MaxSize(connections)
                .setMaxWaitQueueSize(-1));
    }

    /** A request ready to send, signed now (a signature is good for 15 minutes). */
    record Prepared(String path, Buffer body, MultiMap headers) {
    }

    /** What came back: the status, the AWS error type (null on success) and the body. */
    record Answer(int status, String errorType, String body) {
        boolean ok() {
            return status == 200;
        }
    }

    Prepared sign(String path, String json) {
        return sign(path, json, BenchSeed.ACCOUNT);
    }

    /** Signed as the principal of {@code account} (see {@link BenchPrincipals}). */
    Prepared sign(String path, String json, String account) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
        Signing.headers("POST", endpoint.resolve(path), body, BenchPrincipals.accessKey(account), BenchPrincipals.secret(account),
                Instant.now()).forEach(headers::add);
        return new Prepared(path, Buffer.buffer(body), headers);
    }

    Future<Answer> send(Prepared request, long timeoutMillis) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(request.path()).setHeaders(request.headers())
                .setIdleTimeout(timeoutMillis);
        return client.request(options).compose(sent -> sent.send(request.body()))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(),
                        response.getHeader("X-Amzn-ErrorType"), body.toString(StandardCharsets.UTF_8))));
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().join();
    }
}
