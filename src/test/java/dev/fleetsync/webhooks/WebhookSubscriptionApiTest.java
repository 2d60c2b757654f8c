package dev.fleetsync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.RobotCredentialCalls;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Operators register, read, change and delete webhook subscriptions; the secret is shown once; accounts are apart. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class WebhookSubscriptionApiTest extends ServiceTest {

    /** Their example URLs must not outlive the test: other tests' events in these accounts would be sent to them. */
    @AfterEach
    void deleteSubscriptions() {
        pool.preparedQuery("delete from webhook_subscription where account_id in ($1, $2)")
                .executeAndAwait(Tuple.of("123456789012", Sdk.OTHER_ACCOUNT));
    }

    private RobotCredentialCalls calls() {
        return new RobotCredentialCalls(endpoint);
    }

    @Test
    void aCreatedSubscriptionShowsItsSecretOnceAndDescribeNever() {
        Response created = calls().post("/createWebhookSubscription",
                "{\"url\": \"https://hooks.example.com/in\", \"eventTypes\": [\"RobotDeploymentFinished\"]}");

        created.then().statusCode(200);
        String id = created.jsonPath().getString("id");
        String secret = created.jsonPath().getString("secret");
        assertThat(id).matches("whs-[0-9a-f]{24}");
        assertThat(secret).hasSize(43);
        Response described = calls().post("/describeWebhookSubscription", "{\"id\": \"" + id + "\"}");
        described.then().statusCode(200);
        assertThat(described.jsonPath().getString("status")).isEqualTo("Enabled");
        assertThat(described.jsonPath().getList("eventTypes", String.class)).containsExactly("RobotDeploymentFinished");
        assertThat(described.asString()).doesNotContain(secret).doesNotContain("secret");
        assertThat(calls().post("/listWebhookSubscriptions", "{}").asString()).contains(id).doesNotContain(secret);
    }

    @Test
    void anUpdateDisablesAndEnablesAgainAndChangesTheUrl() {
        String id = calls().post("/createWebhookSubscription", "{\"url\": \"http://a.example/\"}").jsonPath().getString("id");

        calls().post("/updateWebhookSubscription", "{\"id\": \"" + id + "\", \"enabled\": false}").then().statusCode(200);
        Response enabled = calls().post("/updateWebhookSubscription", "{\"id\": \"" + id + "\", \"enabled\": true, \"url\": \"https://b.example/x\"}");

        enabled.then().statusCode(200);
        assertThat(enabled.jsonPath().getString("status")).isEqualTo("Enabled");
        assertThat(enabled.jsonPath().getString("url")).isEqualTo("https://b.example/x");
    }

    @Test
    void badInputIsAnInvalidParameterNamingTheMember() {
        calls().post("/createWebhookSubscription", "{\"url\": \"https://u:p@example.com/\"}").then().statusCode(400)
                .header("X-Amzn-ErrorType", "InvalidParameterException").body("message", org.hamcrest.Matchers.containsString("'url'"));
        calls().post("/createWebhookSubscription", "{\"url\": \"https://example.com/\", \"eventTypes\": [\"Nope\"]}").then()
                .statusCode(400).header("X-Amzn-ErrorType", "InvalidParameterException")
                .body("message", org.hamcrest.Matchers.containsString("'eventTypes[0]'"));
    }

    @Test
    void anotherAccountsSubscriptionIsNotFound() {
        String id = calls().post("/createWebhookSubscription", "{\"url\": \"https://mine.example/\"}").jsonPath().getString("id");
        RobotCredentialCalls other = new RobotCredentialCalls(endpoint, Sdk.OTHER_ACCESS_KEY, Sdk.OTHER_SECRET);

        other.post("/describeWebhookSubscription", "{\"id\": \"" + id + "\"}").then().statusCode(400)
                .header("X-Amzn-ErrorType", "ResourceNotFoundException");
        other.post("/deleteWebhookSubscription", "{\"id\": \"" + id + "\"}").then().statusCode(400)
                .header("X-Amzn-ErrorType", "ResourceNotFoundException");
        calls().post("/describeWebhookSubscription", "{\"id\": \"" + id + "\"}").then().statusCode(200);
    }
}
