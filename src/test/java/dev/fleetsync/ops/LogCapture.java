package dev.fleetsync.ops;

import dev.fleetsync.api.http.RequestLogging;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Records every log line of the running application, with the MDC values it was logged with. */
final class LogCapture extends Handler implements AutoCloseable {
    record Line(String logger, String message, String requestId, String operation, Level level) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    /** The request log does not pass its lines to the root handlers in tests, so listen to it directly too. */
    private static final String REQUESTS = "dev.fleetsync.requests";

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        Logger.getLogger(REQUESTS).addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        // read now: the MDC belongs to the thread and Vert.x context that logs
        ExtLogRecord ext = ExtLogRecord.wrap(record);
        lines.add(new Line(ext.getLoggerName(), ext.getFormattedMessage(), ext.getMdc(RequestLogging.REQUEST_ID),
                ext.getMdc(RequestLogging.OPERATION), ext.getLevel()));
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        Logger.getLogger(REQUESTS).removeHandler(this);
    }
}
