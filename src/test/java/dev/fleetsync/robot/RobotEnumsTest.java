package dev.fleetsync.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.common.Architecture;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The robot enums against the wire values and the schema's check constraints they are stored under. */
class RobotEnumsTest {

    @Test
    void everyStatusParsesFromItsWireValue() {
        for (RobotStatus status : RobotStatus.values()) {
            assertThat(RobotStatus.parse(status.name(), "f")).isSameAs(status);
        }
    }

    @Test
    void statusValuesAreCaseSensitiveAndUnknownOnesNameTheField() {
        for (String value : List.of("available", "AVAILABLE", "Sleeping", "")) {
            assertThatThrownBy(() -> RobotStatus.parse(value, "filters[0].values[0]"))
                    .isInstanceOfSatisfying(ServiceException.class, e -> {
                        assertThat(e.error()).isEqualTo(ServiceError.INVALID_PARAMETER);
                        assertThat(e.getMessage()).contains("'" + value + "'").contains("'filters[0].values[0]'").contains("InSync");
                    });
        }
    }

    @Test
    void statusesAreExactlyThoseTheSchemaAccepts() throws IOException {
        assertThat(checkedValues("ck_robot_status")).containsExactlyElementsOf(names(RobotStatus.values()));
    }

    @Test
    void architecturesAreExactlyThoseTheSchemaAccepts() throws IOException {
        assertThat(checkedValues("ck_robot_architecture")).containsExactlyElementsOf(names(Architecture.values()));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** The quoted values of {@code constraint <name> check (... in ('A', 'B'))} in the fleet schema. */
    private static List<String> checkedValues(String constraint) throws IOException {
        String schema;
        try (InputStream in = RobotEnumsTest.class.getResourceAsStream("/db/migration/V1__fleet_model.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher check = Pattern.compile("constraint " + constraint + "\\s+check \\(\\w+ in \\(([^)]*)\\)\\)").matcher(schema);
        assertThat(check.find()).as(constraint + " in the schema").isTrue();
        return Arrays.stream(check.group(1).split(",")).map(v -> v.trim().replace("'", "")).toList();
    }
}
