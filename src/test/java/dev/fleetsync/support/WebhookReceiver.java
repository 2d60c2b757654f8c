package dev.fleetsync.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;

/**
 * A real HTTP server receiving webhook deliveries on a free local port: it records every request (headers and raw
 * body, in arrival order) and answers what the test says for the n-th request (a status, or a wait first).
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<Delivery> received = new ArrayList<>();
    private volatile IntUnaryOperator answer = n -> 200;
    private volatile long delayMillisOfFirst;
    private volatile long delayMillisOfEach;

    /** One request as received. */
    public record Delivery(String path, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public JsonObject json() {
            return new JsonObject(new String(body, StandardCharsets.UTF_8));
        }

        public long id() {
            return Long.parseLong(header("X-Fleetsync-Delivery-Id"));
        }
    }

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL deliveries should go to ({@code path} appended). */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The status of the n-th request (0 for the first) from now on counted over all requests received. */
    public void answer(IntUnaryOperator statusOfNth) {
        this.answer = statusOfNth;
    }

    /** The first request received waits this long before it is answered. */
    public void delayFirst(long millis) {
        this.delayMillisOfFirst = millis;
    }

    /** Every request waits this long before it is answered (a receiver doing some work). */
    public void answerAfter(long millis) {
        this.delayMillisOfEach = millis;
    }

    public synchronized List<Delivery> received() {
        return List.copyOf(received);
    }

    /** Delivery ids in order of first arrival: what a receiver that deduplicates on the id keeps. */
    public synchronized List<Long> distinctIds() {
        return received.stream().map(Delivery::id).distinct().toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        int n;
        synchronized (this) {
            n = received.size();
            received.add(new Delivery(exchange.getRequestURI().toString(), headers, body));
        }
        long delay = (n == 0 ? delayMillisOfFirst : 0) + delayMillisOfEach;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = answer.applyAsInt(n);
        if (status >= 300 && status < 400) {
            exchange.getResponseHeaders().add("Location", url("/redirected"));
        }
        byte[] reply = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
        } catch (IOException e) {
            // the sender gave up waiting (a time-out test): nothing to answer
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
