package dev.fleetsync.bench;

import dev.fleetsync.bench.SignedHttp.Answer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * HTTP/1.1 as lean as wrk's: a request is bytes encoded once, written as they are on a kept-alive connection, and the
 * answer is read only as far as its status, its {@code X-Amzn-ErrorType} and its body (by Content-Length or chunks).
 * <p>
 * Why: the load generator shares the two cores with the service and PostgreSQL, so whatever it spends on a call is
 * taken from them. Vert.x's HTTP client cost the generator 0.21 ms of CPU per call at 16 clients, the raw SQL's client
 * 0.06 ms; in production the callers run on machines of their own.
 */
final class LeanHttp implements AutoCloseable {
    private final Vertx vertx;
    private final NetClient client;
    private final String host;
    private final int port;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    LeanHttp(Vertx vertx, String host, int port) {
        this.vertx = vertx;
        this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
        this.host = host;
        this.port = port;
    }

    /** A whole request: request line, headers (Host and Content-Length among them), the blank line and the body. */
    static Buffer encode(String path, String host, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(512).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                .append("\r\nContent-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return Buffer.buffer(head.append("\r\n").toString()).appendBytes(body);
    }

    /** Sends {@code request} on an idle connection (or a new one) and completes with its answer. */
    Future<Answer> send(Buffer request, long timeoutMillis) {
        Connection idleOne = idle.poll();
        Future<Connection> connection = idleOne != null ? Future.succeededFuture(idleOne)
                : client.connect(port, host).map(Connection::new);
        return connection.compose(c -> c.exchange(request, timeoutMillis).andThen(done -> {
            if (done.succeeded() && c.reusable) {
                idle.add(c);
            } else {
                c.socket.close();
            }
        }));
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().join();
    }

    /** One kept-alive connection, one exchange at a time. */
    private final class Connection {
        private final NetSocket socket;
        private Buffer received = Buffer.buffer();
        private volatile Promise<Answer> pending;
        private boolean reusable = true;

        Connection(NetSocket socket) {
            this.socket = socket;
            socket.handler(this::received);
            socket.closeHandler(closed -> {
                idle.remove(this);
                fail(new IllegalStateException("the service closed the connection"));
            });
            socket.exceptionHandler(this::fail);
        }

        Future<Answer> exchange(Buffer request, long timeoutMillis) {
            Promise<Answer> answer = Promise.promise();
            pending = answer;
            long timer = vertx.setTimer(timeoutMillis, id -> fail(new IllegalStateException("no answer in " + timeoutMillis + " ms")));
            socket.write(request);
            return answer.future().andThen(done -> vertx.cancelTimer(timer));
        }

        private void fail(Throwable cause) {
            reusable = false;
            Promise<Answer> answer = pending;
            if (answer != null) {
                answer.tryFail(cause);
            }
        }

        private void received(Buffer bytes) {
            received.appendBuffer(bytes);
            Answer answer;
            try {
                answer = parse();
            } catch (RuntimeException malformed) {
                fail(malformed);
                return;
            }
            if (answer != null) {
                received = Buffer.buffer();
                pending.tryComplete(answer);
            }
        }

        /** The whole answer once it has arrived, else null. */
        private Answer parse() {
            String text = received.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                return null;
            }
            String[] lines = text.substring(0, headEnd).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
            String errorType = null;
            int length = -1;
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "x-amzn-errortype" -> errorType = value;
                    case "connection" -> reusable &= !value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            int bodyStart = headEnd + 4;
            String body = chunked ? chunkedBody(text, bodyStart) : fixedBody(text, bodyStart, length);
            return body == null ? null : new Answer(status, errorType, body);
        }

        private static String fixedBody(String text, int start, int length) {
            if (length < 0) {
                throw new IllegalStateException("an answer with neither Content-Length nor chunks");
            }
            return text.length() < start + length ? null : utf8(text.substring(start, start + length));
        }

        /** The chunks' content once the last (empty) chunk has arrived, else null. */
        private static String chunkedBody(String text, int start) {
            StringBuilder body = new StringBuilder();
            int at = start;
            while (true) {
                int sizeEnd = text.indexOf("\r\n", at);
                if (sizeEnd < 0) {
                    return null;
                }
                int size = Integer.parseInt(text.substring(at, sizeEnd).split(";", 2)[0].trim(), 16);
                if (size == 0) {
                    return text.indexOf("\r\n", sizeEnd + 2) < 0 ? null : utf8(body.toString());
                }
                if (text.length() < sizeEnd + 2 + size + 2) {
                    return null;
                }
                body.append(text, sizeEnd + 2, sizeEnd + 2 + size);
                at = sizeEnd + 2 + size + 2;
            }
        }

        /** The body was read as ISO-8859-1, one char per byte; this reads those bytes as the UTF-8 they are. */
        private static String utf8(String latin1) {
            return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
    }
}
