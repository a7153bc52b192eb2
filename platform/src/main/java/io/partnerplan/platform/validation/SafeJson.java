package io.partnerplan.platform.validation;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.partnerplan.platform.problem.FieldRuleBroken;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every JSON body's strings and dates pass here: a string with a control character or a date outside
 * {@link Dates} is refused with 400 naming the field ({@link FieldRuleBroken}), before any of it
 * reaches the domain or the database (where a NUL used to end as a 500).
 */
@Singleton
public class SafeJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("partnerplan-safe-json");
        module.addDeserializer(String.class, new SafeString());
        module.addDeserializer(LocalDate.class, new BoundedLocalDate());
        mapper.registerModule(module);
    }

    /** Runs after Quarkus' own customizers (JavaTimeModule), so these deserializers win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    static final class SafeString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (ControlCharacters.in(value)) {
                throw new FieldRuleBroken(p, ControlCharacters.RULE);
            }
            return value;
        }
    }

    /** Jackson's own ISO date reading (contextualised as it would be), then the range check. */
    static final class BoundedLocalDate extends StdDeserializer<LocalDate> implements ContextualDeserializer {
        private final JsonDeserializer<?> iso;

        BoundedLocalDate() {
            this(LocalDateDeserializer.INSTANCE);
        }

        private BoundedLocalDate(JsonDeserializer<?> iso) {
            super(LocalDate.class);
            this.iso = iso;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
            return iso instanceof ContextualDeserializer contextual
                    ? new BoundedLocalDate(contextual.createContextual(ctxt, property)) : this;
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate value = (LocalDate) iso.deserialize(p, ctxt);
            if (value != null && !Dates.inRange(value)) {
                throw new FieldRuleBroken(p, Dates.RULE);
            }
            return value;
        }
    }
}
