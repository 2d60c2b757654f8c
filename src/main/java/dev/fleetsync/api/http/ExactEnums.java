package dev.fleetsync.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Enum members match a constant's name exactly. Jackson's own enum reader retries a miss trimmed, which let
 * {@code " X86_64"} and padded step names through. Our enum constants are spelled as the wire values.
 */
final class ExactEnums extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription beanDesc,
            JsonDeserializer<?> deserializer) {
        return new Exact(type.getRawClass());
    }

    static final class Exact extends StdScalarDeserializer<Object> {
        private final Map<String, Object> byName = new HashMap<>();

        Exact(Class<?> type) {
            super(type);
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum<?>) constant).name(), constant);
            }
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            Object constant = byName.get(text);
            if (constant == null) {
                throw ctxt.weirdStringException(text, handledType(), "not one of the values accepted");
            }
            return constant;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Enum;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
