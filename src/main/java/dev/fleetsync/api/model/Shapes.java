package dev.fleetsync.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Constraint;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shapes of a service model, read off the wire records: a record is a structure (its components the members, with
 * the JSON names Jackson uses), a {@code @NotNull} component is required, and a shape annotation of {@code api/shape}
 * ({@code @Arn}, {@code @Name}, ...) names a string shape with the bounds and pattern the validator enforces.
 */
final class Shapes {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, ObjectNode> shapes = new TreeMap<>();

    Map<String, ObjectNode> all() {
        return shapes;
    }

    /** A structure of the record's components, under the given name. */
    String structure(String name, Class<?> record) {
        return structure(name, record, List.of());
    }

    /** A structure of extra members (in the path or the query) followed by the record's components. */
    String structure(String name, Class<?> record, List<Member> extra) {
        List<Member> members = new ArrayList<>(extra);
        if (record != null) {
            for (RecordComponent component : record.getRecordComponents()) {
                members.add(Member.of(component));
            }
        }
        ObjectNode shape = JSON.objectNode().put("type", "structure");
        ObjectNode fields = shape.putObject("members");
        List<String> required = new ArrayList<>();
        for (Member member : members) {
            ObjectNode field = fields.putObject(member.jsonName()).put("shape", shapeOf(name, member));
            if (member.location() != null) {
                field.put("location", member.location()).put("locationName", member.jsonName());
            }
            if (member.type().getType() == String.class && member.has(dev.fleetsync.api.shape.Shape.ClientRequestToken.class)) {
                field.put("idempotencyToken", true);
            }
            if (member.has(NotNull.class) || member.has(NotEmpty.class)) {
                required.add(member.jsonName());
            }
        }
        if (!required.isEmpty()) {
            required.forEach(shape.putArray("required")::add);
        }
        return define(name, shape);
    }

    /** An error shape: a structure with a message, its HTTP status and the exception trait. */
    String error(String name, int httpStatus) {
        ObjectNode shape = JSON.objectNode().put("type", "structure").put("exception", true);
        shape.putObject("members").putObject("message").put("shape", scalar("errorMessage", "string"));
        shape.putObject("error").put("httpStatusCode", httpStatus).put("senderFault", httpStatus < 500);
        return define(name, shape);
    }

    private String shapeOf(String owner, Member member) {
        AnnotatedType type = member.type();
        Class<?> raw = raw(type);
        String derived = owner + capitalize(member.jsonName());
        if (raw == List.class) {
            AnnotatedType element = ((AnnotatedParameterizedType) type).getAnnotatedActualTypeArguments()[0];
            ObjectNode shape = JSON.objectNode().put("type", "list");
            shape.putObject("member").put("shape", shapeOf(derived, Member.element(element)));
            bounds(shape, member.annotations());
            return define(derived, shape);
        }
        if (raw == Map.class) {
            AnnotatedType[] kv = ((AnnotatedParameterizedType) type).getAnnotatedActualTypeArguments();
            ObjectNode shape = JSON.objectNode().put("type", "map");
            shape.putObject("key").put("shape", shapeOf(derived + "Key", Member.element(kv[0])));
            shape.putObject("value").put("shape", shapeOf(derived + "Value", Member.element(kv[1])));
            bounds(shape, member.annotations());
            return define(derived, shape);
        }
        if (raw.isRecord()) {
            return shapes.containsKey(raw.getSimpleName()) ? raw.getSimpleName() : structure(raw.getSimpleName(), raw);
        }
        if (raw.isEnum()) {
            ObjectNode shape = JSON.objectNode().put("type", "string");
            Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).forEach(shape.putArray("enum")::add);
            return define(raw.getSimpleName(), shape);
        }
        String type1 = scalarType(raw);
        Annotation named = member.shapeAnnotation();
        if (named != null) {
            ObjectNode shape = JSON.objectNode().put("type", type1);
            bounds(shape, List.of(named.annotationType().getAnnotations()));
            return define(named.annotationType().getSimpleName(), shape);
        }
        List<Annotation> own = member.annotations();
        if (own.stream().anyMatch(Shapes::isBound)) {
            ObjectNode shape = JSON.objectNode().put("type", type1);
            bounds(shape, own);
            return define(derived, shape);
        }
        return scalar(capitalize(type1), type1);
    }

    private String scalar(String name, String type) {
        return define(name, JSON.objectNode().put("type", type));
    }

    /** Records the shape under its name; two different definitions under one name are a bug of the generator's input. */
    private String define(String name, ObjectNode shape) {
        ObjectNode existing = shapes.putIfAbsent(name, shape);
        if (existing != null && !existing.equals(shape)) {
            throw new IllegalStateException("Two shapes named " + name + ": " + existing + " and " + shape);
        }
        return name;
    }

    private static void bounds(ObjectNode shape, List<Annotation> annotations) {
        for (Annotation a : annotations) {
            if (a instanceof Size size) {
                if (size.min() > 0) {
                    shape.put("min", size.min());
                }
                if (size.max() < Integer.MAX_VALUE) {
                    shape.put("max", size.max());
                }
            } else if (a instanceof Pattern pattern && !shape.has("pattern")) {
                shape.put("pattern", pattern.regexp());
            } else if (a instanceof Min min) {
                shape.put("min", min.value());
            } else if (a instanceof Max max) {
                shape.put("max", max.value());
            } else if (a instanceof DecimalMin min) {
                shape.put("min", Double.parseDouble(min.value()));
            } else if (a instanceof DecimalMax max) {
                shape.put("max", Double.parseDouble(max.value()));
            }
        }
    }

    private static boolean isBound(Annotation a) {
        return a instanceof Size || a instanceof Pattern || a instanceof Min || a instanceof Max || a instanceof DecimalMin
                || a instanceof DecimalMax;
    }

    private static String scalarType(Class<?> raw) {
        if (raw == String.class) {
            return "string";
        }
        if (raw == Integer.class || raw == int.class) {
            return "integer";
        }
        if (raw == Long.class || raw == long.class) {
            return "long";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "boolean";
        }
        if (raw == Float.class || raw == float.class) {
            return "float";
        }
        if (raw == Double.class || raw == double.class) {
            return "double";
        }
        if (raw == Instant.class) {
            return "timestamp";
        }
        throw new IllegalStateException("No model type for " + raw);
    }

    static Class<?> raw(AnnotatedType type) {
        return type.getType() instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type.getType();
    }

    static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A member: its JSON name, its annotated type, where it travels (null: the body) and its own annotations. */
    record Member(String jsonName, AnnotatedType type, String location, List<Annotation> annotations) {

        static Member of(RecordComponent component) {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            List<Annotation> own = new ArrayList<>(Arrays.asList(component.getAnnotatedType().getAnnotations()));
            try {
                own.addAll(Arrays.asList(component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotations()));
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            String name = renamed == null ? component.getName() : renamed.value();
            return new Member(name, component.getAnnotatedType(), null, own);
        }

        static Member element(AnnotatedType type) {
            return new Member("member", type, null, List.of(type.getAnnotations()));
        }

        boolean has(Class<? extends Annotation> annotation) {
            return annotations.stream().anyMatch(annotation::isInstance);
        }

        /** The first annotation that is a named shape of api/shape (a constraint composed of others). */
        Annotation shapeAnnotation() {
            return annotations.stream().filter(a -> a.annotationType().isAnnotationPresent(Constraint.class))
                    .filter(a -> a.annotationType().getPackageName().equals("dev.fleetsync.api.shape")).findFirst().orElse(null);
        }
    }
}
