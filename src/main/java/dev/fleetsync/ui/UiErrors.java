package dev.fleetsync.ui;

import dev.fleetsync.api.http.AwsErrors;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A refusal as a page for a person: the catalogue's error (common/ServiceError) named in {@code X-Amzn-ErrorType} as
 * everywhere else, with the HTTP status a browser understands (RoboMaker's model answers 400 for a missing resource;
 * a page answers 404).
 */
final class UiErrors {
    private UiErrors() {
    }

    static Response page(ServiceException refusal) {
        ServiceError error = refusal.error();
        return page(refusal, Pages.error(title(error), refusal.getMessage(), error.awsName()).render());
    }

    /** The refusal answered with a page of its own (the sign-in form again, with the reason). */
    static Response page(ServiceException refusal, String html) {
        return Response.status(status(refusal.error())).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(AwsErrors.ERROR_TYPE_HEADER, refusal.error().awsName()).entity(html).build();
    }

    static int status(ServiceError error) {
        return switch (error) {
            case RESOURCE_NOT_FOUND -> 404;
            case THROTTLING -> 429;
            case CONCURRENT_DEPLOYMENT, LIMIT_EXCEEDED, IDEMPOTENT_PARAMETER_MISMATCH, RESOURCE_ALREADY_EXISTS -> 409;
            case MISSING_AUTHENTICATION_TOKEN, UNRECOGNIZED_CLIENT, INVALID_SIGNATURE -> 401;
            default -> error.httpStatus();
        };
    }

    private static String title(ServiceError error) {
        return switch (error) {
            case RESOURCE_NOT_FOUND -> "Not found";
            case ACCESS_DENIED -> "Refused";
            case THROTTLING -> "Too many requests";
            case CONCURRENT_DEPLOYMENT, LIMIT_EXCEEDED, IDEMPOTENT_PARAMETER_MISMATCH, RESOURCE_ALREADY_EXISTS -> "Not possible now";
            case MISSING_AUTHENTICATION_TOKEN, UNRECOGNIZED_CLIENT, INVALID_SIGNATURE -> "Sign in";
            case INTERNAL, SERVICE_UNAVAILABLE -> "Something went wrong";
            default -> "Not accepted";
        };
    }
}
