package dev.fleetsync.api.tag;

import dev.fleetsync.api.shape.Shape.Arn;
import dev.fleetsync.api.shape.Shape.TagKey;
import dev.fleetsync.api.shape.Shape.TagValue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Wire records of the tag operations, with the model's member names. The ARN travels in the path and the keys of
 * UntagResource in the query, so the validated request records are assembled by the resource, not read by Jackson.
 */
public final class TagWire {
    private TagWire() {
    }

    /** The JSON body of TagResource: only {@code tags}. */
    public record TagResourceBody(Map<String, String> tags) {
    }

    public record TagResourceRequest(@NotNull @Arn String resourceArn,
            @NotNull @Size(max = 50) Map<@NotNull @TagKey String, @NotNull @TagValue String> tags) {
        /** Null without a body (JSON {@code null}), which the validator reports as a body that is not an object. */
        static TagResourceRequest of(String resourceArn, TagResourceBody body) {
            return body == null ? null : new TagResourceRequest(resourceArn, body.tags());
        }
    }

    /** {@code tagKeys} is required: a call without any key is refused rather than treated as a no-op. */
    public record UntagResourceRequest(@NotNull @Arn String resourceArn, @NotEmpty List<@NotNull @TagKey String> tagKeys) {
    }

    public record ListTagsForResourceRequest(@NotNull @Arn String resourceArn) {
    }

    public record ListTagsForResourceResponse(Map<String, String> tags) {
    }
}
