package dev.fleetsync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.RobotCredentialCalls;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ListWebhookSubscriptions pages in creation order: each page after the cursor, every subscription once. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class WebhookSubscriptionPagingTest extends ServiceTest {
    private final List<String> created = new ArrayList<>();

    /** Their example URLs must not outlive the test: other tests' events in this account would be sent to them. */
    @AfterEach
    void deleteSubscriptions() {
        created.forEach(id -> pool.preparedQuery("delete from webhook_subscription where id = $1").executeAndAwait(Tuple.of(id)));
    }

    @Test
    void pagesOfOneListEverySubscriptionOnceInCreationOrder() {
        RobotCredentialCalls calls = new RobotCredentialCalls(endpoint);
        for (int i = 0; i < 3; i++) {
            created.add(calls.post("/createWebhookSubscription", "{\"url\": \"https://hooks.example.com/" + i + "\"}").jsonPath().getString("id"));
        }

        List<String> listed = new ArrayList<>();
        String token = null;
        for (int pages = 0; pages < 100; pages++) {
            Response page = calls.post("/listWebhookSubscriptions", "{\"maxResults\": 1" + (token == null ? "" : ", \"nextToken\": \"" + token + "\"") + "}");
            page.then().statusCode(200);
            List<String> ids = page.jsonPath().getList("subscriptions.id", String.class);
            assertThat(ids).hasSizeLessThanOrEqualTo(1);
            listed.addAll(ids);
            token = page.jsonPath().getString("nextToken");
            if (token == null) {
                break;
            }
        }

        assertThat(listed).doesNotHaveDuplicates().containsSubsequence(created);
        assertThat(token).as("the last page has no token").isNull();
    }
}
