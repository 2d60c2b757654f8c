package dev.fleetsync.ops;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;

/**
 * A safety net on the console handler: whatever code logs, request signatures, session tokens and password-like
 * values never reach the log. Our own code logs none of them; this catches a library or a careless debug line.
 */
@LoggingFilter(name = "fleetsync-redact")
public final class SecretRedaction implements Filter {
    private static final Pattern SECRETS = Pattern.compile(
            "(?i)(Signature=|X-Amz-Signature=|X-Amz-Security-Token[=:]\\s*|password[=:]\\s*|secret[-_a-z]*[=:]\\s*)"
                    + "[^\\s,&\"']+");
    static final String REDACTED = "<redacted>";

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (message != null && SECRETS.matcher(message).find()) {
            String redacted = redact(message);
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(redacted);
            }
            record.setParameters(null);
        }
        return true;
    }

    static String redact(String message) {
        return SECRETS.matcher(message).replaceAll("$1" + REDACTED);
    }
}
