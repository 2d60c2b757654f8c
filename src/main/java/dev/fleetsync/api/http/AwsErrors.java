package dev.fleetsync.api.http;

import dev.fleetsync.common.ServiceError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Renders any failure the way restJson1 clients parse it: status, {@code X-Amzn-ErrorType}, {@code {"message": ...}}. */
public final class AwsErrors {
    public static final String ERROR_TYPE_HEADER = "X-Amzn-ErrorType";

    private AwsErrors() {
    }

    public static Response render(ServiceError error, String message) {
        return Response.status(error.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(ERROR_TYPE_HEADER, error.awsName())
                .entity(Map.of("message", message == null ? "" : message))
                .build();
    }
}
