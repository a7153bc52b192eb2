package io.partnerplan.platform.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What a JSON reading error means for the client, in the API's words: the field's path and the rule
 * it broke ("must be one of [VENDOR, PARTNER]"), never Jackson's message, which names Java classes.
 * Used for request bodies (ProblemMappers) and for the lines of bulk imports alike.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /**
     * @param whole what to call the input when the error is not inside a field ("body", "line")
     */
    public static Problem.FieldError describe(JsonProcessingException e, String whole) {
        if (e instanceof FieldRuleBroken r) {
            return new Problem.FieldError(orWhole(fieldPath(r), whole), r.rule());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new Problem.FieldError(orWhole(fieldPath(u), whole), "unknown property (allowed: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
        }
        if (e instanceof InvalidFormatException i) {
            return new Problem.FieldError(orWhole(fieldPath(i), whole), "must be a valid " + typeName(i.getTargetType()));
        }
        if (e instanceof MismatchedInputException m) {
            String field = fieldPath(m);
            return field.isEmpty()
                    ? new Problem.FieldError(whole, "is not the expected JSON object")
                    : new Problem.FieldError(field, "must be " + typeName(m.getTargetType()));
        }
        if (e instanceof JsonParseException p) {
            var location = p.getLocation();
            return new Problem.FieldError(whole, "is not valid JSON"
                    + (location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr()));
        }
        String field = e instanceof JsonMappingException m ? fieldPath(m) : "";
        return new Problem.FieldError(orWhole(field, whole), "could not be read");
    }

    private static String orWhole(String field, String whole) {
        return field.isEmpty() ? whole : field;
    }

    static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String typeName(Class<?> type) {
        if (type == null) {
            return "value of the documented type";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                names.add(String.valueOf(c));
            }
            return "one of " + names;
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "UUID";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "UTC timestamp (ISO-8601)";
            case "BigDecimal" -> "decimal number";
            case "Integer", "int", "Long", "long" -> "integer";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "string";
            default -> type.isArray() || java.util.Collection.class.isAssignableFrom(type) ? "array" : "JSON object";
        };
    }
}
