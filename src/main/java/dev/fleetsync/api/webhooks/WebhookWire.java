package dev.fleetsync.api.webhooks;

import dev.fleetsync.api.shape.Shape.PaginationToken;
import dev.fleetsync.webhooks.WebhookRules;
import dev.fleetsync.webhooks.WebhookSubscription;
import dev.fleetsync.webhooks.WebhookSubscriptionService.CreatedSubscription;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Wire records of fleetsync's own webhook-subscription operations (docs/webhooks.md), in the API's JSON style. */
public final class WebhookWire {
    private static final String ID = "whs-[0-9a-f]{24}";

    private WebhookWire() {
    }

    public record CreateWebhookSubscriptionRequest(@NotNull @Size(min = 1, max = 2048) String url,
            @Size(max = 20) List<String> eventTypes) {
    }

    /** The only answer that ever carries the secret. */
    public record CreateWebhookSubscriptionResponse(String id, String url, List<String> eventTypes, String status, String secret,
            Instant createdAt) {
        static CreateWebhookSubscriptionResponse of(CreatedSubscription created) {
            WebhookSubscription s = created.subscription();
            return new CreateWebhookSubscriptionResponse(s.id, s.url, WebhookRules.eventTypeList(s.eventTypes), s.status,
                    created.secret(), s.createdAt);
        }

        @Override
        public String toString() {
            return "CreateWebhookSubscriptionResponse[" + id + "]";
        }
    }

    public record DescribeWebhookSubscriptionRequest(@NotNull @Pattern(regexp = ID) String id) {
    }

    public record DeleteWebhookSubscriptionRequest(@NotNull @Pattern(regexp = ID) String id) {
    }

    public record UpdateWebhookSubscriptionRequest(@NotNull @Pattern(regexp = ID) String id, @Size(min = 1, max = 2048) String url,
            @Size(max = 20) List<String> eventTypes, Boolean enabled) {
    }

    public record ListWebhookSubscriptionsRequest(@PaginationToken String nextToken, @Min(1) @Max(100) Integer maxResults) {
    }

    /** What describe and list show of a subscription: never its secret. */
    public record WebhookSubscriptionSummary(String id, String url, List<String> eventTypes, String status, String disabledReason,
            Long deliveredSequence, Integer consecutiveFailures, Instant failingSince, Instant nextAttemptAt, Instant createdAt,
            Instant updatedAt) {
        static WebhookSubscriptionSummary of(WebhookSubscription s) {
            return new WebhookSubscriptionSummary(s.id, s.url, WebhookRules.eventTypeList(s.eventTypes), s.status, s.disabledReason,
                    s.deliveredSeq, s.failures, s.failingSince, s.nextAttemptAt, s.createdAt, s.updatedAt);
        }
    }

    public record ListWebhookSubscriptionsResponse(List<WebhookSubscriptionSummary> subscriptions, String nextToken) {
    }
}
