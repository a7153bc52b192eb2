package io.partnerplan.platform.validation;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.partnerplan.platform.problem.AllFieldErrors;
import io.partnerplan.platform.problem.FieldRuleBroken;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every JSON body's strings and dates pass here: a string with a control character or a date outside
 * {@link Dates} is refused with 400 naming the field ({@link FieldRuleBroken}), before any of it
 * reaches the domain or the database (where a NUL used to end as a 500). While a request body collects
 * its errors ({@link AllFieldErrors}), a broken string or date is recorded and read as absent instead.
 */
@Singleton
public class SafeJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("partnerplan-safe-json");
        module.addDeserializer(String.class, new SafeString());
        module.addDeserializer(LocalDate.class, new BoundedLocalDate());
        // Bodies read as a tree (JSON merge patches) get their text nodes from the node factory, not from the
        // String deserializer above: the same rule, checked on the tree.
        module.addDeserializer(JsonNode.class, new SafeTree<>(JsonNode.class));
        module.addDeserializer(ObjectNode.class, new SafeTree<>(ObjectNode.class));
        module.addDeserializer(ArrayNode.class, new SafeTree<>(ArrayNode.class));
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
                return AllFieldErrors.recordOrThrow(p, ControlCharacters.RULE);
            }
            return value;
        }
    }

    /**
     * Jackson's own tree reading, then every string of the tree (values and property names) checked for
     * control characters; a broken one is named by its path ({@code sections.summary}, {@code items[2]}).
     */
    static final class SafeTree<T extends JsonNode> extends StdDeserializer<T> {

        SafeTree(Class<T> type) {
            super(type);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = (JsonNode) JsonNodeDeserializer.getDeserializer(handledType()).deserialize(p, ctxt);
            java.util.Deque<Object> path = new java.util.ArrayDeque<>();
            if (broken(tree, path)) {
                FieldRuleBroken e = new FieldRuleBroken(p, ControlCharacters.RULE);
                // Innermost first: prependPath builds the path from the inside out.
                for (var it = path.iterator(); it.hasNext(); ) {
                    Object step = it.next();
                    if (step instanceof Integer index) {
                        e.prependPath(tree, index);
                    } else {
                        e.prependPath(tree, (String) step);
                    }
                }
                throw e;
            }
            return (T) tree;
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) {
            return null;
        }

        /** Whether {@code node} holds a string with a control character; {@code path} then leads to it, innermost first. */
        private static boolean broken(JsonNode node, java.util.Deque<Object> path) {
            if (node.isTextual()) {
                return ControlCharacters.in(node.textValue());
            }
            if (node.isObject()) {
                for (var it = node.fields(); it.hasNext(); ) {
                    var field = it.next();
                    if (ControlCharacters.in(field.getKey())) {
                        return true; // named by the object holding the property
                    }
                    if (broken(field.getValue(), path)) {
                        path.addLast(field.getKey());
                        return true;
                    }
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    if (broken(node.get(i), path)) {
                        path.addLast(i);
                        return true;
                    }
                }
            }
            return false;
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
                return AllFieldErrors.recordOrThrow(p, Dates.RULE);
            }
            return value;
        }
    }
}
