package dev.fleetsync.support;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A client of {@code GET /events} as a user writes one: a signed request, then the SSE frames read line by line as
 * they arrive (events and comments), on a thread of its own.
 */
public final class EventStreamClient implements AutoCloseable {
    /** One SSE frame: an event (id, event, data) or a comment (heartbeat). */
    public record Frame(String id, String event, String data, String comment) {
        public boolean isComment() {
            return comment != null;
        }

        public long seq() {
            return Long.parseLong(id);
        }
    }

    private static final Frame END = new Frame(null, null, null, null);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Opens a stream signed as the test principal; {@code query} without '?', or empty; {@code lastEventId} or null. */
    public static EventStreamClient open(URI endpoint, String query, String lastEventId) {
        return open(endpoint, query, lastEventId, Sdk.ACCESS_KEY, Sdk.SECRET);
    }

    public static EventStreamClient open(URI endpoint, String query, String lastEventId, String accessKey, String secret) {
        URI target = endpoint.resolve("/events" + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET().header("Accept", "text/event-stream");
        if (accessKey != null) {
            Signing.headers("GET", target, new byte[0], accessKey, secret, Instant.now()).forEach(request::header);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStreamClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens {@code target} with exactly these headers (the dashboard's stream: a session cookie, no signature). */
    public static EventStreamClient openWith(URI target, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET().header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            return new EventStreamClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server ends the stream within {@code within}; the frames before the end are skipped. */
    public boolean endsWithin(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Frame frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (frame == END) {
                    frames.add(END);
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The body of a refused stream. */
    public String body() {
        return String.join("\n", response.body().toList());
    }

    /** The next {@code count} events (comments skipped); fails if they do not come within {@code within}. */
    public List<Frame> events(int count, Duration within) {
        List<Frame> events = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (events.size() < count) {
            Frame frame = poll(deadline);
            if (frame == null) {
                throw new AssertionError("Only " + events.size() + " of " + count + " events came within " + within + ": " + events);
            }
            if (!frame.isComment()) {
                events.add(frame);
            }
        }
        return events;
    }

    /** The events that come within {@code within} (comments skipped), however many. */
    public List<Frame> eventsWithin(Duration within) {
        List<Frame> events = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        for (Frame frame = poll(deadline); frame != null; frame = poll(deadline)) {
            if (!frame.isComment()) {
                events.add(frame);
            }
        }
        return events;
    }

    /** The next comment, skipping events; null if none comes within {@code within}. */
    public Frame comment(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        for (Frame frame = poll(deadline); frame != null; frame = poll(deadline)) {
            if (frame.isComment()) {
                return frame;
            }
        }
        return null;
    }

    private Frame poll(long deadline) {
        try {
            Frame frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == END) {
                frames.add(END);
                return null;
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null || event != null) {
                        frames.add(new Frame(id, event, data == null ? null : data.toString(), null));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    frames.add(new Frame(null, null, null, line.substring(1).trim()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed by close() or by the server
        } finally {
            frames.add(END);
        }
    }

    @Override
    public void close() {
        if (response.statusCode() == 200) {
            response.body().close();
        }
    }
}
