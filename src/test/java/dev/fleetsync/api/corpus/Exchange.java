package dev.fleetsync.api.corpus;

import dev.fleetsync.support.Signing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends calls over one kept-alive HTTP/1.1 client, SigV4-signed over the exact bytes as the test principal. */
final class Exchange {
    record Answer(int status, String errorType, String contentType, String requestId, String body) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI endpoint;

    Exchange(URI endpoint) {
        this.endpoint = endpoint;
    }

    Answer send(Call call) throws IOException, InterruptedException {
        URI target = URI.create(endpoint.toString().replaceAll("/$", "") + call.target());
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .method(call.method(), publisher(call));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        Signing.signed(request, call.method(), target, call.body());
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("X-Amzn-ErrorType").orElse(null),
                response.headers().firstValue("Content-Type").orElse(null), response.headers().firstValue("x-amzn-RequestId").orElse(null),
                new String(response.body(), StandardCharsets.UTF_8));
    }

    /** A stream's length is unknown to the client, which then sends the body chunked, in pieces of 16 KiB at most. */
    private static HttpRequest.BodyPublisher publisher(Call call) {
        if (call.chunked()) {
            return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(call.body()));
        }
        return call.body().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body());
    }
}
