package io.partnerplan.platform.problem;

import java.io.IOException;
import java.util.Collection;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * While a request body collects its errors ({@link AllFieldErrors#collecting()}), a property the
 * request does not have, or a value Jackson cannot turn into the field's type, is recorded with its
 * path and rule and skipped (the field stays empty), so the rest of the body is still read and every
 * error is answered at once. Otherwise Jackson fails as usual.
 */
@Singleton
public class AllFieldErrorsHandler extends DeserializationProblemHandler implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addHandler(this);
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        if (!AllFieldErrors.collecting()) {
            return false;
        }
        Collection<Object> known = deserializer == null ? null : deserializer.getKnownPropertyNames();
        String rule = "unknown property" + (known == null || known.isEmpty() ? ""
                : " (allowed: " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
        if (p == ctxt.getParser()) {
            AllFieldErrors.record(p, rule);
        } else {
            // A record's (or any creator's) unknown properties are buffered and handed over from a buffer once the
            // object has been read, whose parsing context does not know where the object was; the body's parser,
            // just past the object, does.
            AllFieldErrors.recordProperty(ctxt.getParser(), propertyName, rule);
        }
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                         String failureMsg) {
        return wrongValue(ctxt.getParser(), targetType);
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                         String failureMsg) {
        return wrongValue(ctxt.getParser(), targetType);
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        if (!AllFieldErrors.collecting() || "body".equals(AllFieldErrors.path(p)) || targetType.isPrimitive()) {
            return NOT_HANDLED;
        }
        AllFieldErrors.record(p, "must be " + JsonErrors.typeName(targetType.getRawClass()));
        p.skipChildren();
        return null;
    }

    private static Object wrongValue(JsonParser parser, Class<?> targetType) {
        if (!AllFieldErrors.collecting() || parser == null || targetType.isPrimitive()) {
            return NOT_HANDLED;
        }
        AllFieldErrors.record(parser, "must be a valid " + JsonErrors.typeName(targetType));
        return null;
    }
}
