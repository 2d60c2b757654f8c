package dev.fleetsync.bundlestore;

import dev.fleetsync.application.BundleStore;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.config.BundleStoreConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import java.time.Clock;

/**
 * ETags read with a signed S3 HEAD on the Vert.x HTTP client: non-blocking, so it may run on the event loop. 404 and
 * 403 are the caller's problem (a wrong bucket or key, or a store that will not show it to fleetsync); anything else
 * (the store down or slow) is a ServiceUnavailableException, so the caller may retry.
 */
final class S3BundleStore implements BundleStore {
    private final HttpClient http;
    private final S3Requests requests;
    private final BundleStoreConfig config;
    private final Clock clock;

    S3BundleStore(HttpClient http, BundleStoreConfig config, Clock clock) {
        this.http = http;
        this.requests = new S3Requests(config);
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Uni<String> etag(String bucket, String key, String member) {
        S3Requests.Signed head = requests.head(bucket, key, clock.instant());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.HEAD).setAbsoluteURI(head.url())
                .setTimeout(config.timeout().toMillis());
        head.headers().forEach(options::putHeader);
        return http.request(options)
                .chain(request -> request.send())
                .onFailure().transform(e -> unavailable(bucket, key, e))
                .map(response -> etagOf(response, bucket, key, member));
    }

    private static String etagOf(HttpClientResponse response, String bucket, String key, String member) {
        int status = response.statusCode();
        String etag = response.getHeader("ETag");
        if (status == 200 && etag != null && !etag.isBlank()) {
            return Etag.unquoted(etag);
        }
        String where = "s3://" + bucket + "/" + key;
        if (status == 404) {
            throw invalid(key, member, "no such object in the bundle store: " + where);
        }
        if (status == 403 || status == 401) {
            throw invalid(key, member, "the bundle store refused to show " + where + " to fleetsync (HTTP " + status + ")");
        }
        throw ServiceError.SERVICE_UNAVAILABLE.exception("The bundle store answered HTTP " + status + " for " + where + "; try again");
    }

    private static ServiceException invalid(String key, String member, String why) {
        return ServiceException.invalid("1 validation error detected: Value '" + key + "' at '" + member
                + "' failed to satisfy constraint: " + why);
    }

    private static Throwable unavailable(String bucket, String key, Throwable cause) {
        if (cause instanceof ServiceException) {
            return cause;
        }
        return ServiceError.SERVICE_UNAVAILABLE.exception("The bundle store could not be reached for s3://" + bucket + "/" + key + " ("
                + cause.getMessage() + "); try again");
    }
}
