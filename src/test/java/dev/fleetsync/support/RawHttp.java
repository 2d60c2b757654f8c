package dev.fleetsync.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a socket, for requests a client library would normalize or refuse to send (dot
 * segments, unknown methods, bad percent-encoding, oversized lines and headers). The request line's target and every
 * header go out exactly as given; the answer is read to the end of the connection.
 */
public final class RawHttp {
    private final String method;
    private final String target;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private boolean host = true;

    private RawHttp(String method, String target) {
        this.method = method;
        this.target = target;
    }

    public static RawHttp request(String method, String target) {
        return new RawHttp(method, target);
    }

    public RawHttp header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** Sends no Host header (HTTP/1.1 requires one). */
    public RawHttp withoutHost() {
        host = false;
        return this;
    }

    public RawHttp json(String json) {
        body = json.getBytes(StandardCharsets.UTF_8);
        return header("Content-Type", "application/json");
    }

    /** Signs the request as the test principal over the target exactly as sent, so only the edge can refuse it. */
    public RawHttp signed(URI endpoint) {
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        String rawQuery = question < 0 ? null : target.substring(question + 1);
        Signing.headers(method, endpoint.getHost() + ":" + endpoint.getPort(), rawPath, rawQuery, body, Sdk.ACCESS_KEY, Sdk.SECRET,
                Instant.now()).forEach(this::header);
        return this;
    }

    /** Sends the request on a connection of its own and reads the whole answer. */
    public Answer send(URI endpoint) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (host) {
            head.append("Host: ").append(endpoint.getHost()).append(':').append(endpoint.getPort()).append("\r\n");
        }
        head.append("Connection: close\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        headers.forEach(h -> head.append(h[0]).append(": ").append(h[1]).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return Answer.parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            if (all.size() == 0) {
                throw e; // no answer at all; a reset after the answer (the server closing) is fine
            }
        }
        return all.toByteArray();
    }

    /** The status, the headers (names in lower case) and the body of an answer. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        static Answer parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("no complete answer: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }

        private static String dechunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    return out.toString();
                }
                out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }
    }
}
