package dev.fleetsync.api.http;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Turns Jackson's location of a failure into the member path a caller wrote, e.g. {@code deploymentApplicationConfigs[0].application}. */
final class JsonPaths {
    private JsonPaths() {
    }

    static String render(List<Reference> path) {
        StringBuilder out = new StringBuilder();
        for (Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (ref.getFrom() instanceof Map<?, ?>) {
                    out.append('[').append(ref.getFieldName()).append(']');
                } else {
                    if (!out.isEmpty()) {
                        out.append('.');
                    }
                    out.append(ref.getFieldName());
                }
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /**
     * Renders member names and list indices from a body's root, e.g. {@code [tags, team]}, walking the request type to
     * tell a map's keys ({@code tags[team]}) from a structure's members ({@code launchConfig.packageName}).
     */
    static String render(List<Object> steps, Type root) {
        StringBuilder out = new StringBuilder();
        Type type = root;
        for (Object step : steps) {
            Class<?> raw = raw(type);
            if (step instanceof Integer index) {
                out.append('[').append(index).append(']');
                type = raw != null && raw.isArray() ? raw.getComponentType() : typeArgument(type, 0);
            } else if (raw != null && Map.class.isAssignableFrom(raw)) {
                out.append('[').append(step).append(']');
                type = typeArgument(type, 1);
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(step);
                type = component(raw, (String) step);
            }
        }
        return out.toString();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index ? p.getActualTypeArguments()[index] : null;
    }

    private static Type component(Class<?> record, String name) {
        if (record == null || !record.isRecord()) {
            return null;
        }
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c.getGenericType();
            }
        }
        return null;
    }

    static String describeType(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == float.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
