package io.partnerplan.plan.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;

/** What an amendment does to one part's items: which it adds, changes (read as their requests) and removes. */
public final class PartItems {

    private PartItems() {
    }

    /** An item added ({@code id} null, {@code key} as the amendment named it) or changed, read as its request. */
    public record Change<T>(String key, UUID id, T request) {
    }

    /** The part's items as a document keyed by id, each shaped as its request without the id. */
    public static <T> ObjectNode document(ObjectMapper json, List<T> items, java.util.function.Function<T, UUID> id,
                                          java.util.function.Function<T, Object> request) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        for (T item : items) {
            ObjectNode shaped = json.valueToTree(request.apply(item));
            shaped.remove("id");
            document.set(id.apply(item).toString(), shaped);
        }
        return document;
    }

    /**
     * The items added or changed from {@code before} to {@code after}, each read as {@code type} and
     * checked by bean validation; every problem is reported at once, named under {@code prefix}.
     */
    public static <T> List<Change<T>> changed(ObjectMapper json, Validator validator, String prefix, ObjectNode before,
                                              ObjectNode after, Class<T> type) {
        List<Change<T>> changes = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        after.fields().forEachRemaining(item -> {
            JsonNode old = before.get(item.getKey());
            if (item.getValue().equals(old)) {
                return;
            }
            String at = prefix + "." + item.getKey();
            if (!item.getValue().isObject()) {
                errors.add(new Problem.FieldError(at, "must be an object"));
                return;
            }
            T request;
            try {
                ObjectNode node = ((ObjectNode) item.getValue()).deepCopy();
                node.remove("id");
                request = json.treeToValue(node, type);
            } catch (JsonProcessingException e) {
                String field = e instanceof JsonMappingException m ? m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                        .reduce("", String::concat) : "";
                errors.add(new Problem.FieldError(at + field, e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                        ? "unknown property" : "could not be read"));
                return;
            }
            for (ConstraintViolation<T> v : validator.validate(request)) {
                errors.add(new Problem.FieldError(at + "." + v.getPropertyPath(), v.getMessage()));
            }
            changes.add(new Change<>(item.getKey(), old == null ? null : UUID.fromString(item.getKey()), request));
        });
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Request is not valid",
                    errors.size() + " problem(s) with " + prefix + ": " + errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        return changes;
    }

    /** The ids of the items {@code after} no longer has. */
    public static List<UUID> removed(ObjectNode before, ObjectNode after) {
        List<UUID> removed = new ArrayList<>();
        before.fieldNames().forEachRemaining(key -> {
            if (!after.has(key)) {
                removed.add(UUID.fromString(key));
            }
        });
        return removed;
    }
}
