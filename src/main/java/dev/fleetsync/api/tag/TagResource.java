package dev.fleetsync.api.tag;

import dev.fleetsync.api.http.RequestValidator;
import dev.fleetsync.api.shape.Empty;
import dev.fleetsync.api.tag.TagWire.ListTagsForResourceRequest;
import dev.fleetsync.api.tag.TagWire.ListTagsForResourceResponse;
import dev.fleetsync.api.tag.TagWire.TagResourceBody;
import dev.fleetsync.api.tag.TagWire.TagResourceRequest;
import dev.fleetsync.api.tag.TagWire.UntagResourceRequest;
import dev.fleetsync.auth.CallerAccount;
import dev.fleetsync.tag.TagService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * TagResource, UntagResource, ListTagsForResource. SDKs send the ARN as one percent-encoded path label
 * ({@code arn%3Aaws%3A...%2Fname%2F123}); the regex parameter takes the rest of the path whole, so it matches
 * whether or not the slashes arrive encoded.
 */
@Path("/tags")
@Produces(MediaType.APPLICATION_JSON)
public class TagResource {
    private final TagService tags;
    private final RequestValidator validator;
    private final CallerAccount caller;

    public TagResource(TagService tags, RequestValidator validator, CallerAccount caller) {
        this.tags = tags;
        this.validator = validator;
        this.caller = caller;
    }

    @POST
    @Path("{resourceArn: .+}")
    public Uni<Empty> tagResource(@PathParam("resourceArn") String resourceArn, TagResourceBody body) {
        TagResourceRequest request = validator.check(TagResourceRequest.of(resourceArn, body));
        return tags.tag(caller.accountId(), request.resourceArn(), request.tags()).replaceWith(Empty.INSTANCE);
    }

    @DELETE
    @Path("{resourceArn: .+}")
    public Uni<Empty> untagResource(@PathParam("resourceArn") String resourceArn, @QueryParam("tagKeys") List<String> tagKeys) {
        UntagResourceRequest request = validator.check(new UntagResourceRequest(resourceArn, tagKeys));
        return tags.untag(caller.accountId(), request.resourceArn(), request.tagKeys()).replaceWith(Empty.INSTANCE);
    }

    @GET
    @Path("{resourceArn: .+}")
    public Uni<ListTagsForResourceResponse> listTagsForResource(@PathParam("resourceArn") String resourceArn) {
        ListTagsForResourceRequest request = validator.check(new ListTagsForResourceRequest(resourceArn));
        return tags.tagsOf(caller.accountId(), request.resourceArn()).map(ListTagsForResourceResponse::new);
    }
}
