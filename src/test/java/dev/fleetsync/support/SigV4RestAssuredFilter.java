package dev.fleetsync.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signs every REST Assured request as the test principal, over host, x-amz-date and x-amz-content-sha256 only (REST
 * Assured may still adjust Content-Type after filters). A request that already carries an Authorization header is sent
 * as it is.
 */
public class SigV4RestAssuredFilter implements Filter {

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            URI uri = URI.create(request.getURI());
            String query = query(request.getUserDefinedPath(), request.getQueryParams());
            URI target = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + (query.isEmpty() ? "" : "?" + query));
            Signing.headers(request.getMethod(), target, body(request.getBody()), Sdk.ACCESS_KEY, Sdk.SECRET, Instant.now())
                    .forEach(request::header);
        }
        return ctx.next(request, response);
    }

    /** From the path as written and the parameters, not getURI(), which keeps only the last value of a repeated key. */
    private static String query(String userPath, Map<String, ?> params) {
        List<String> pairs = new ArrayList<>();
        int question = userPath.indexOf('?');
        if (question >= 0) {
            pairs.addAll(List.of(userPath.substring(question + 1).split("&")));
        }
        params.forEach((name, value) -> {
            for (Object single : value instanceof List<?> list ? list : List.of(value)) {
                pairs.add(encode(name) + "=" + encode(String.valueOf(single)));
            }
        });
        return String.join("&", pairs);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] body(Object body) {
        if (body == null) {
            return new byte[0];
        }
        return body instanceof byte[] bytes ? bytes : body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
