package dev.fleetsync.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetsync.api.model.ServiceModel;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.RawHttp;
import dev.fleetsync.support.RawHttp.Answer;
import dev.fleetsync.support.RolloutDisabled;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;

/**
 * Query parameters are matched by name exactly as AWS's model spells them: the exact name is taken, and a name with
 * another case or a letter missing is not taken for it (the member is then missing, and the call refused naming it).
 */
@QuarkusTest
@TestProfile(RolloutDisabled.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class QueryParameterNamesTest extends ServiceTest {
    private static final Path REFERENCE = Path.of("../shared/reference/robomaker-2018-06-29.service.json");
    /** The one model member in the query, exercised below. */
    private static final String TAG_KEYS = "tagKeys";

    @Test
    void theQueryMembersWeServeAreTheModelsSpelledAsItSpellsThem() throws IOException {
        Set<String> aws = queryMembers(new ObjectMapper().readTree(Files.readString(REFERENCE)));
        Set<String> ours = queryMembers(new ObjectMapper().valueToTree(ServiceModel.build()));

        assertThat(ours).isEqualTo(aws).containsExactly("UntagResource." + TAG_KEYS);
    }

    @Test
    void theExactNameIsTaken() throws IOException {
        String arn = taggedFleet(robomaker);

        Answer answer = untag(arn, TAG_KEYS);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(robomaker.listTagsForResource(r -> r.resourceArn(arn)).tags()).containsOnlyKeys("keep");
    }

    @ParameterizedTest
    @MethodSource("misspellings")
    void aNameSpelledOtherwiseIsNotTaken(String name) throws IOException {
        String arn = taggedFleet(robomaker);

        Answer answer = untag(arn, name);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("X-Amzn-ErrorType")).isEqualTo("InvalidParameterException");
        assertThat(answer.header("x-amzn-RequestId")).isNotBlank();
        assertThat(JsonPath.from(answer.body()).getString("message")).contains("'" + TAG_KEYS + "'");
        assertThat(robomaker.listTagsForResource(r -> r.resourceArn(arn)).tags()).containsOnlyKeys("keep", "drop");
    }

    /** Every one-letter case change and every one-letter omission of the name, and a few a hand might type. */
    static Stream<String> misspellings() {
        List<String> names = new ArrayList<>(List.of("tagkeys", "TAGKEYS", "tag_keys", "tag-keys", "tagKeys%5B%5D", "tagKeys%20", "tagKey"));
        for (int i = 0; i < TAG_KEYS.length(); i++) {
            char c = TAG_KEYS.charAt(i);
            char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
            names.add(TAG_KEYS.substring(0, i) + flipped + TAG_KEYS.substring(i + 1));
            names.add(TAG_KEYS.substring(0, i) + TAG_KEYS.substring(i + 1));
        }
        return names.stream().distinct();
    }

    private static Set<String> queryMembers(JsonNode model) {
        Set<String> members = new TreeSet<>();
        model.get("operations").fields().forEachRemaining(operation -> {
            JsonNode input = operation.getValue().path("input").path("shape");
            if (input.isMissingNode()) {
                return;
            }
            model.get("shapes").get(input.asText()).path("members").fields().forEachRemaining(member -> {
                if ("querystring".equals(member.getValue().path("location").asText())) {
                    members.add(operation.getKey() + "." + member.getValue().path("locationName").asText(member.getKey()));
                }
            });
        });
        return members;
    }

    private String taggedFleet(RoboMakerClient robomaker) {
        return robomaker.createFleet(b -> b.name(Sdk.unique("query-names")).tags(Map.of("keep", "1", "drop", "2"))).arn();
    }

    private Answer untag(String arn, String parameter) throws IOException {
        String target = "/tags/" + arn.replace(":", "%3A").replace("/", "%2F") + "?" + parameter + "=drop";
        return RawHttp.request("DELETE", target).signed(endpoint).send(endpoint);
    }
}
