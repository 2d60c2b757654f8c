package dev.fleetsync.api.http;

import dev.fleetsync.common.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a wire request against the constraints of the service model and answers the way AWS does:
 * {@code 1 validation error detected: Value 'x' at 'fleet' failed to satisfy constraint: Member must ...}.
 */
@ApplicationScoped
public class RequestValidator {
    private static final int MAX_ECHOED_VALUE = 128;

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T request) {
        if (request == null) {
            throw ServiceException.invalid("The request body must be a JSON object");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        List<String> messages = violations.stream()
                .map(v -> "Value " + echo(v.getInvalidValue()) + "at '" + path(v.getPropertyPath()) + "' failed to satisfy constraint: " + v.getMessage())
                .sorted(Comparator.naturalOrder())
                .toList();
        String count = messages.size() == 1 ? "1 validation error detected: " : messages.size() + " validation errors detected: ";
        throw ServiceException.invalid(count + String.join("; ", messages));
    }

    private static String echo(Object value) {
        if (value == null) {
            return "null ";
        }
        if (value instanceof CharSequence s && s.length() <= MAX_ECHOED_VALUE) {
            return "'" + s + "' ";
        }
        if (value instanceof Number n) {
            return "'" + n + "' ";
        }
        return "";
    }

    static String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getKey() != null || node.getIndex() != null) {
                    out.append('[').append(node.getKey() != null ? node.getKey() : node.getIndex()).append(']');
                }
                if ("<map key>".equals(node.getName())) {
                    out.append(" (key)");
                }
                continue;
            }
            if (node.getKey() != null) {
                out.append('[').append(node.getKey()).append(']');
            } else if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.toString();
    }
}
