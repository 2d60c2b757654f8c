package dev.fleetsync.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * restJson1 as the SDKs expect it: absent members left out, timestamps as epoch seconds (JSON numbers),
 * and no silent coercion of wrong JSON types ({@code "maxResults": "10"} is an error, not 10). Requests are read
 * strictly: a member given twice, a string holding U+0000 or a lone surrogate, and an enum value that is not exactly a
 * constant's name are all refused (see {@link StrictBodies} for the bytes themselves).
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    /** Last of all customizers: modules registered later win, and ours must replace the java.time serializer for Instant. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        // Clients may be newer than us: members we do not know are ignored, as AWS services do.
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // Otherwise the last of two equal keys wins, unseen by the validator: {"name":"bad name!","name":"ok"} made fleet ok.
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        failCoercion(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        failCoercion(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        failCoercion(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        failCoercion(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.String, CoercionInputShape.EmptyString);
        failCoercion(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
        mapper.registerModule(new SimpleModule("fleetsync-wire").addSerializer(Instant.class, new EpochSeconds())
                .addDeserializer(String.class, new StrictText.Values())
                .addKeyDeserializer(String.class, new StrictText.Keys())
                .setDeserializerModifier(new ExactEnums()));
    }

    private static void failCoercion(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** Epoch seconds with millisecond precision; the Java SDK reads this as a BigDecimal, never ISO-8601 or millis. */
    static final class EpochSeconds extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(BigDecimal.valueOf(value.toEpochMilli(), 3).stripTrailingZeros().toPlainString());
        }
    }
}
