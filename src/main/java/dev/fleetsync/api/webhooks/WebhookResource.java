package dev.fleetsync.api.webhooks;

import dev.fleetsync.api.http.PageTokens;
import dev.fleetsync.api.http.RequestValidator;
import dev.fleetsync.api.shape.Empty;
import dev.fleetsync.api.webhooks.WebhookWire.CreateWebhookSubscriptionRequest;
import dev.fleetsync.api.webhooks.WebhookWire.CreateWebhookSubscriptionResponse;
import dev.fleetsync.api.webhooks.WebhookWire.DeleteWebhookSubscriptionRequest;
import dev.fleetsync.api.webhooks.WebhookWire.DescribeWebhookSubscriptionRequest;
import dev.fleetsync.api.webhooks.WebhookWire.ListWebhookSubscriptionsRequest;
import dev.fleetsync.api.webhooks.WebhookWire.ListWebhookSubscriptionsResponse;
import dev.fleetsync.api.webhooks.WebhookWire.UpdateWebhookSubscriptionRequest;
import dev.fleetsync.api.webhooks.WebhookWire.WebhookSubscriptionSummary;
import dev.fleetsync.auth.CallerAccount;
import dev.fleetsync.common.PageRequest;
import dev.fleetsync.webhooks.WebhookSubscriptionService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Create, Describe, List, Update and DeleteWebhookSubscription: fleetsync's own operations, for an account principal. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {
    private final WebhookSubscriptionService subscriptions;
    private final RequestValidator validator;
    private final CallerAccount caller;
    private final PageTokens pageTokens;

    public WebhookResource(WebhookSubscriptionService subscriptions, RequestValidator validator, CallerAccount caller,
            PageTokens pageTokens) {
        this.subscriptions = subscriptions;
        this.validator = validator;
        this.caller = caller;
        this.pageTokens = pageTokens;
    }

    @POST
    @Path("createWebhookSubscription")
    public Uni<CreateWebhookSubscriptionResponse> createWebhookSubscription(CreateWebhookSubscriptionRequest request) {
        validator.check(request);
        return subscriptions.create(caller.accountId(), request.url(), request.eventTypes()).map(CreateWebhookSubscriptionResponse::of);
    }

    @POST
    @Path("describeWebhookSubscription")
    public Uni<WebhookSubscriptionSummary> describeWebhookSubscription(DescribeWebhookSubscriptionRequest request) {
        validator.check(request);
        return subscriptions.describe(caller.accountId(), request.id()).map(WebhookSubscriptionSummary::of);
    }

    @POST
    @Path("listWebhookSubscriptions")
    public Uni<ListWebhookSubscriptionsResponse> listWebhookSubscriptions(ListWebhookSubscriptionsRequest request) {
        validator.check(request);
        PageRequest page = PageRequest.of(pageTokens.open(request.nextToken()), request.maxResults(), WebhookSubscriptionService.PAGE_LIMIT);
        return subscriptions.list(caller.accountId(), page).map(found -> new ListWebhookSubscriptionsResponse(
                found.items().stream().map(WebhookSubscriptionSummary::of).toList(), pageTokens.seal(found.nextToken())));
    }

    @POST
    @Path("updateWebhookSubscription")
    public Uni<WebhookSubscriptionSummary> updateWebhookSubscription(UpdateWebhookSubscriptionRequest request) {
        validator.check(request);
        return subscriptions.update(caller.accountId(), request.id(), request.url(), request.eventTypes(), request.enabled())
                .map(WebhookSubscriptionSummary::of);
    }

    @POST
    @Path("deleteWebhookSubscription")
    public Uni<Empty> deleteWebhookSubscription(DeleteWebhookSubscriptionRequest request) {
        validator.check(request);
        return subscriptions.delete(caller.accountId(), request.id()).replaceWith(Empty.INSTANCE);
    }
}
