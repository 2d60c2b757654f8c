package dev.fleetsync.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** A robot that sends a poll and hangs up without reading the answer, as when its connection drops. */
public final class HangingPoll implements AutoCloseable {
    private final Socket socket;

    private HangingPoll(Socket socket) {
        this.socket = socket;
    }

    /** Sends a poll (no wait) for the robot, signed as the test principal; {@link #close()} hangs up. */
    public static HangingPoll send(URI endpoint, String robotArn) throws IOException {
        URI target = endpoint.resolve("/agent/v1/poll");
        byte[] body = new ObjectMapper().writeValueAsBytes(Map.of("robot", robotArn, "waitSeconds", 0));
        StringBuilder head = new StringBuilder("POST /agent/v1/poll HTTP/1.1\r\n")
                .append("Host: ").append(target.getHost()).append(':').append(target.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        Signing.headers("POST", target, body, Sdk.ACCESS_KEY, Sdk.SECRET, Instant.now())
                .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        Socket socket = new Socket(target.getHost(), target.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return new HangingPoll(socket);
    }

    @Override
    public void close() throws IOException {
        socket.setSoLinger(true, 0); // a reset, not an orderly close: the answer is never read
        socket.close();
    }
}
