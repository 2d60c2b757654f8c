package dev.fleetsync.api.http;

import java.util.List;
import dev.fleetsync.common.Validation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves as an AWS error: domain errors as catalogued, framework errors translated, the rest a logged 500. */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final BodyLimit limit;

    public ErrorMappers(BodyLimit limit) {
        this.limit = limit;
    }

    @ServerExceptionMapper
    public Response service(ServiceException e) {
        return AwsErrors.render(e.error(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return AwsErrors.render(ServiceError.INVALID_PARAMETER, describe(e));
    }

    /** Quarkus maps this subtype itself; ours must be as specific to win, so wrong JSON types get the AWS format too. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        if (e instanceof NotFoundException) {
            return AwsErrors.render(ServiceError.UNKNOWN_OPERATION, "No operation matches this method and path");
        }
        if (e instanceof NotAllowedException) {
            return AwsErrors.render(ServiceError.METHOD_NOT_ALLOWED, "This operation does not accept that HTTP method");
        }
        if (e instanceof NotSupportedException) {
            return AwsErrors.render(ServiceError.UNSUPPORTED_MEDIA_TYPE, "Request body must be application/json");
        }
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return AwsErrors.render(limit.refusal());
        }
        if (status >= 400 && status < 500) {
            return AwsErrors.render(ServiceError.INVALID_PARAMETER, "The request could not be read: " + e.getMessage());
        }
        return unexpected(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        ServiceException known = unwrap(e);
        if (known != null) {
            return service(known);
        }
        LOG.error("Unexpected failure", e);
        return AwsErrors.render(ServiceError.INTERNAL, "An internal error occurred; the request may be retried");
    }

    private static ServiceException unwrap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServiceException s) {
                return s;
            }
        }
        return null;
    }

    /** Names the member at fault, e.g. "Value at 'maxResults' must be an integer". */
    static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonPaths.render(mapping.getPath());
            if (e instanceof StrictText.Refused refused) {
                return Validation.message(List.of(Validation.memberViolation(field, refused.problem())));
            }
            if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
                String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", ", "[", "]"));
                return Validation.message(List.of(Validation.violation(field, String.valueOf(format.getValue()),
                        "Member must satisfy enum value set: " + allowed)));
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return "Value at '" + field + "' must be " + JsonPaths.describeType(mismatch.getTargetType());
            }
            return "Value at '" + field + "' could not be read";
        }
        if (e instanceof MismatchedInputException) {
            return "The request body must be a JSON object";
        }
        if (e instanceof StrictText.Refused refused) {
            return Validation.bodyMessage(refused.problem());
        }
        return "The request body is not valid JSON: " + e.getOriginalMessage();
    }
}
