package dev.fleetsync.bench;

import dev.fleetsync.support.Signing;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The load generator's HTTP: keep-alive connections, one per client in flight ({@link LeanHttp}), and requests signed
 * with SigV4 as the SDK signs them. Requests are signed and encoded before a measured phase ({@link #sign}), so neither
 * the signing nor the encoding of the generator, which shares the machine, is charged to the service.
 */
final class SignedHttp implements AutoCloseable {
    private final LeanHttp client;
    private final URI endpoint;

    SignedHttp(Vertx vertx, URI endpoint) {
        this.endpoint = endpoint;
        this.client = new LeanHttp(vertx, endpoint.getHost(), endpoint.getPort());
    }

    /** A request ready to send, signed now (a signature is good for 15 minutes), as the bytes that go on the wire. */
    record Prepared(Buffer wire) {
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
        URI target = endpoint.resolve(path);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.putAll(Signing.headers("POST", target, body, BenchPrincipals.accessKey(account), BenchPrincipals.secret(account),
                Instant.now()));
        // the Host header is the one Signing signed: host:port
        return new Prepared(LeanHttp.encode(path, target.getHost() + ":" + target.getPort(), headers, body));
    }

    Future<Answer> send(Prepared request, long timeoutMillis) {
        return client.send(request.wire(), timeoutMillis);
    }

    @Override
    public void close() {
        client.close();
    }
}
