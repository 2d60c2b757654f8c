package dev.fleetsync.api.http;

import dev.fleetsync.common.Validation;
import dev.fleetsync.common.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
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

    /** The top-level String and List members of a request record, looked up once per type. */
    private static final ClassValue<List<RecordComponent>> TEXT_MEMBERS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return List.of();
            }
            List<RecordComponent> text = Arrays.stream(type.getRecordComponents())
                    .filter(c -> c.getType() == String.class || c.getType() == List.class)
                    .toList();
            text.forEach(c -> c.getAccessor().setAccessible(true)); // a request record need not be public
            return text;
        }
    };

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T request) {
        if (request == null) {
            throw ServiceException.invalid("The request body must be a JSON object");
        }
        refuseUnstorableText(request);
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        throw ServiceException.invalid(Validation.message(violations.stream()
                .map(v -> Validation.violation(path(v.getPropertyPath()), v.getInvalidValue(), v.getMessage()))
                .sorted(Comparator.naturalOrder())
                .toList()));
    }

    /**
     * Members taken from the URI (the tag routes' ARN and {@code tagKeys}) never pass through Jackson, where
     * {@link StrictText} refuses U+0000 and lone surrogates in the body: the same rule for the request's own strings here.
     */
    private static void refuseUnstorableText(Object request) {
        for (RecordComponent component : TEXT_MEMBERS.get(request.getClass())) {
            Object value = read(component, request);
            List<?> values = value instanceof List<?> list ? list : null;
            for (int i = 0; i < (values == null ? 1 : values.size()); i++) {
                Object element = values == null ? value : values.get(i);
                String problem = element instanceof String text ? StrictText.problem(text) : null;
                if (problem != null) {
                    throw Validation.invalidMember(component.getName() + (values == null ? "" : "[" + i + "]"), problem);
                }
            }
        }
    }

    private static Object read(RecordComponent component, Object request) {
        try {
            return component.getAccessor().invoke(request);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
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
