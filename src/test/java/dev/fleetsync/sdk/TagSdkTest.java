package dev.fleetsync.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.robomaker.model.InvalidParameterException;
import software.amazon.awssdk.services.robomaker.model.ResourceNotFoundException;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class TagSdkTest extends ServiceTest {
    private static final String ACCOUNT = "123456789012";
    private static final String OTHER_ACCOUNT = "210987654321";
    private static final String PREFIX = "arn:aws:robomaker:us-west-2:" + ACCOUNT + ":";

    @Test
    void tagsAddedToAFleetAreListedAndDescribed() {
        String fleet = fleet(Map.of());

        robomaker.tagResource(r -> r.resourceArn(fleet).tags(Map.of("team", "ops", "env", "prod")));

        assertThat(robomaker.listTagsForResource(r -> r.resourceArn(fleet)).tags())
                .containsExactlyInAnyOrderEntriesOf(Map.of("team", "ops", "env", "prod"));
        assertThat(robomaker.describeFleet(r -> r.fleet(fleet)).tags()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "ops", "env", "prod"));
    }

    @Test
    void tagResourceMergesAndOverwritesValuesOfExistingKeys() {
        String fleet = fleet(Map.of("a", "1", "b", "2"));

        robomaker.tagResource(r -> r.resourceArn(fleet).tags(Map.of("b", "3", "c", "4")));

        assertThat(tagsOf(fleet)).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "3", "c", "4"));
    }

    @Test
    void tagValuesMayBeEmptyAndUseTheWholeAllowedAlphabet() {
        String fleet = fleet(Map.of());
        String key = "a-Z_0 .:/+=@".replace("@", "9");

        robomaker.tagResource(r -> r.resourceArn(fleet).tags(Map.of("empty", "", key, "x/y:z=1 +.-_")));

        assertThat(tagsOf(fleet)).containsExactlyInAnyOrderEntriesOf(Map.of("empty", "", key, "x/y:z=1 +.-_"));
    }

    @Test
    void resourceWithoutTagsListsAnEmptyMap() {
        String fleet = fleet(Map.of());

        assertThat(tagsOf(fleet)).isEmpty();
    }

    @Test
    void untagRemovesTheNamedKeysOnlyAndIgnoresKeysTheResourceDoesNotHave() {
        String fleet = fleet(Map.of("a", "1", "b", "2", "c", "3"));

        robomaker.untagResource(r -> r.resourceArn(fleet).tagKeys("a", "c", "never-set"));

        assertThat(tagsOf(fleet)).containsExactly(Map.entry("b", "2"));
    }

    @Test
    void untagWithoutAnyKeyIsRejectedNamingTagKeys() {
        String fleet = fleet(Map.of("a", "1"));

        assertInvalid(() -> robomaker.untagResource(r -> r.resourceArn(fleet)), "tagKeys");
        assertThat(tagsOf(fleet)).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void untagWithAnInvalidKeyIsRejectedNamingTagKeys() {
        String fleet = fleet(Map.of("a", "1"));

        assertInvalid(() -> robomaker.untagResource(r -> r.resourceArn(fleet).tagKeys("a", "bad*key")), "tagKeys[1]");
        assertThat(tagsOf(fleet)).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void mergeReachingExactlyFiftyTagsIsAccepted() {
        String fleet = fleet(numbered("k", 45));
        Map<String, String> more = numbered("new", 5);
        more.put("k0", "overwritten"); // an overwrite does not count as another tag

        robomaker.tagResource(r -> r.resourceArn(fleet).tags(more));

        assertThat(tagsOf(fleet)).hasSize(50).containsEntry("k0", "overwritten");
    }

    @Test
    void mergeExceedingFiftyTagsIsRejectedAndChangesNothing() {
        String fleet = fleet(numbered("k", 45));
        Map<String, String> more = numbered("new", 6);
        more.put("k0", "overwritten");

        assertInvalid(() -> robomaker.tagResource(r -> r.resourceArn(fleet).tags(more)), "tags");

        assertThat(tagsOf(fleet)).isEqualTo(numbered("k", 45));
    }

    @Test
    void moreThanFiftyTagsInOneRequestAreRejected() {
        String fleet = fleet(Map.of());

        assertInvalid(() -> robomaker.tagResource(r -> r.resourceArn(fleet).tags(numbered("k", 51))), "tags");
        assertThat(tagsOf(fleet)).isEmpty();
    }

    @Test
    void invalidTagKeysAndValuesAreRejectedNamingTags() {
        String fleet = fleet(Map.of());

        assertInvalid(() -> robomaker.tagResource(r -> r.resourceArn(fleet).tags(Map.of("bad*key", "v"))), "tags[bad*key]");
        assertInvalid(() -> robomaker.tagResource(r -> r.resourceArn(fleet).tags(Map.of("", "v"))), "tags");
        assertInvalid(() -> robomaker.tagResource(r -> r.resourceArn(fleet).tags(Map.of("k".repeat(129), "v"))), "tags");
        assertInvalid(() -> robomaker.tagResource(r -> r.resourceArn(fleet).tags(Map.of("k", "v".repeat(257)))), "tags[k]");
        assertInvalid(() -> robomaker.tagResource(r -> r.resourceArn(fleet).tags(Map.of("k", "no;semicolon"))), "tags[k]");
        assertThat(tagsOf(fleet)).isEmpty();
    }

    @Test
    void longestKeyAndValueAreAccepted() {
        String fleet = fleet(Map.of());

        robomaker.tagResource(r -> r.resourceArn(fleet).tags(Map.of("k".repeat(128), "v".repeat(256))));

        assertThat(tagsOf(fleet)).containsExactly(Map.entry("k".repeat(128), "v".repeat(256)));
    }

    @Test
    void tagOperationsOnAFleetThatDoesNotExistAreResourceNotFound() {
        String missing = PREFIX + "deployment-fleet/" + Sdk.unique("missing") + "/1700000000000";

        assertAllNotFound(missing);
    }

    @Test
    void tagOperationsOnADeletedFleetAreResourceNotFound() {
        String fleet = fleet(Map.of("a", "1"));
        robomaker.deleteFleet(r -> r.fleet(fleet));

        assertAllNotFound(fleet);
    }

    @Test
    void wellFormedArnsOfOtherTypesThatDoNotExistAreResourceNotFound() {
        assertAllNotFound(PREFIX + "robot/" + Sdk.unique("nobot") + "/1700000000000");
        assertAllNotFound(PREFIX + "robot-application/" + Sdk.unique("noapp") + "/1700000000000");
        assertAllNotFound(PREFIX + "deployment-job/deployment-" + "abcdefghijkl");
    }

    @Test
    void arnsOfTypesThatCannotBeTaggedHereAreResourceNotFound() {
        assertAllNotFound(PREFIX + "simulation-job/sim-abcdefghijkl");
        assertAllNotFound("arn:aws:s3:::some-bucket/key");
        assertAllNotFound("arn:aws:iam::" + ACCOUNT + ":deployment-fleet/lookalike/1700000000000");
        assertAllNotFound("arn:nothing-else");
    }

    @Test
    void malformedArnIsInvalidParameterNamingResourceArn() {
        for (String arn : List.of("not-an-arn", "ARN:aws:robomaker", PREFIX + "deployment-fleet/" + "x".repeat(1224))) {
            assertInvalid(() -> robomaker.listTagsForResource(r -> r.resourceArn(arn)), "resourceArn");
            assertInvalid(() -> robomaker.tagResource(r -> r.resourceArn(arn).tags(Map.of("a", "1"))), "resourceArn");
            assertInvalid(() -> robomaker.untagResource(r -> r.resourceArn(arn).tagKeys("a")), "resourceArn");
        }
    }

    @Test
    void anotherAccountsFleetIsResourceNotFoundAndKeepsItsTags() {
        String foreign = "arn:aws:robomaker:us-west-2:" + OTHER_ACCOUNT + ":deployment-fleet/" + Sdk.unique("foreign") + "/1700000000000";
        insert("insert into fleet (account_id, arn, name, created_at) values ($1, $2, 'foreign', now())", OTHER_ACCOUNT, foreign);
        insert("insert into resource_tag (account_id, resource_arn, tag_key, tag_value) values ($1, $2, 'owner', 'them')",
                OTHER_ACCOUNT, foreign);
        try {
            assertAllNotFound(foreign);

            assertThat(pool.preparedQuery("select tag_key, tag_value from resource_tag where account_id = $1 and resource_arn = $2")
                    .executeAndAwait(Tuple.of(OTHER_ACCOUNT, foreign)).size()).isEqualTo(1);
        } finally {
            delete("delete from resource_tag where account_id = $1 and resource_arn = $2", OTHER_ACCOUNT, foreign);
            delete("delete from fleet where account_id = $1 and arn = $2", OTHER_ACCOUNT, foreign);
        }
    }

    @Test
    void robotsApplicationsAndDeploymentJobsCanBeTagged() {
        String robot = PREFIX + "robot/" + Sdk.unique("bot") + "/1700000000000";
        String app = PREFIX + "robot-application/" + Sdk.unique("app") + "/1700000000000";
        String job = PREFIX + "deployment-job/deployment-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        insert("insert into robot (account_id, arn, name, architecture, greengrass_group_id, created_at, status) "
                + "values ($1, $2, 'bot', 'X86_64', '" + UUID.randomUUID() + "', now(), 'Available')", ACCOUNT, robot);
        insert("insert into robot_application (account_id, arn, name, suite_name, sources, revision_id, created_at, last_updated_at) "
                + "values ($1, $2, '" + Sdk.unique("app") + "', 'General', '[]', 'rev', now(), now())", ACCOUNT, app);
        insert("insert into deployment_job (account_id, arn, fleet_arn, status, application_arn, application_version, launch_config, "
                + "concurrent_percentage, failure_threshold_percentage, robot_timeout_seconds, created_at, updated_at) "
                + "values ($1, $2, 'arn:aws:robomaker:us-west-2:" + ACCOUNT + ":deployment-fleet/gone/1', 'Succeeded', 'arn:x', 1, '{}', "
                + "20, 25, 18000, now(), now())", ACCOUNT, job);
        try {
            for (String arn : List.of(robot, app, job)) {
                robomaker.tagResource(r -> r.resourceArn(arn).tags(Map.of("kind", "any", "drop", "me")));
                robomaker.untagResource(r -> r.resourceArn(arn).tagKeys("drop"));

                assertThat(tagsOf(arn)).as(arn).containsExactly(Map.entry("kind", "any"));
            }
        } finally {
            for (String arn : List.of(robot, app, job)) {
                delete("delete from resource_tag where account_id = $1 and resource_arn = $2", ACCOUNT, arn);
            }
            delete("delete from robot where account_id = $1 and arn = $2", ACCOUNT, robot);
            delete("delete from robot_application where account_id = $1 and arn = $2", ACCOUNT, app);
            delete("delete from deployment_job where account_id = $1 and arn = $2", ACCOUNT, job);
        }
    }

    private String fleet(Map<String, String> tags) {
        return robomaker.createFleet(r -> r.name(Sdk.unique("tagged")).tags(tags)).arn();
    }

    private Map<String, String> tagsOf(String arn) {
        return robomaker.listTagsForResource(r -> r.resourceArn(arn)).tags();
    }

    private static Map<String, String> numbered(String prefix, int count) {
        return IntStream.range(0, count).boxed().collect(Collectors.toMap(i -> prefix + i, i -> "v" + i, (a, b) -> a, HashMap::new));
    }

    private void assertAllNotFound(String arn) {
        assertError(() -> robomaker.listTagsForResource(r -> r.resourceArn(arn)), ResourceNotFoundException.class, "ResourceNotFoundException", arn);
        assertError(() -> robomaker.tagResource(r -> r.resourceArn(arn).tags(Map.of("a", "1"))), ResourceNotFoundException.class,
                "ResourceNotFoundException", arn);
        assertError(() -> robomaker.untagResource(r -> r.resourceArn(arn).tagKeys("a")), ResourceNotFoundException.class,
                "ResourceNotFoundException", arn);
    }

    private static void assertInvalid(Runnable call, String field) {
        assertError(call, InvalidParameterException.class, "InvalidParameterException", "'" + field);
    }

    private static void assertError(Runnable call, Class<? extends AwsServiceException> type, String code, String messagePart) {
        Consumer<AwsServiceException> check = e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
            assertThat(e.requestId()).isNotBlank();
        };
        assertThatThrownBy(call::run).isInstanceOfSatisfying(type, check::accept);
    }

    private void insert(String sql, String accountId, String arn) {
        assertThat(pool.preparedQuery(sql).executeAndAwait(Tuple.of(accountId, arn)).rowCount()).isEqualTo(1);
    }

    private void delete(String sql, String accountId, String arn) {
        pool.preparedQuery(sql).executeAndAwait(Tuple.of(accountId, arn));
    }
}
