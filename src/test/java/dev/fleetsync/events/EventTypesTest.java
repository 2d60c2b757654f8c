package dev.fleetsync.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The event types the schema writes and those the service reads and documents are the same set. */
class EventTypesTest {
    private static final Pattern WRITTEN = Pattern.compile("'((?:DeploymentJob|RobotDeployment|Robot|Fleet)[A-Z][A-Za-z]+)'");

    @Test
    void everyTypeTheTriggersWriteIsAnEventTypeAndEveryEventTypeIsWritten() throws IOException {
        Set<String> written = new TreeSet<>();
        Matcher matcher = WRITTEN.matcher(migration());
        while (matcher.find()) {
            written.add(matcher.group(1));
        }

        Set<String> declared = new TreeSet<>(Arrays.stream(EventType.values()).map(Enum::name).toList());
        assertThat(written).isEqualTo(declared);
    }

    @Test
    void everyEventTypeIsDocumented() throws IOException {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/events.md"));

        assertThat(EventType.values()).allSatisfy(type -> assertThat(docs).contains("`" + type.name() + "`"));
    }

    private static String migration() throws IOException {
        try (InputStream in = EventTypesTest.class.getResourceAsStream("/db/migration/V8__events.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
