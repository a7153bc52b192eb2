package io.partnerplan.platform.problem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Every field error of one request body, collected while Jackson reads it (instead of stopping at the
 * first): an unknown property, a value of the wrong type or format, a control character or a date out
 * of range are recorded with the field's path and the rule, and the reading goes on. Only the REST
 * layer's body reading collects ({@link AllFieldErrorsReader}); elsewhere (bulk import lines, events)
 * the first error is thrown as before.
 */
public final class AllFieldErrors {

    private static final ThreadLocal<List<Problem.FieldError>> COLLECTED = new ThreadLocal<>();

    private AllFieldErrors() {
    }

    /** Whether the body being read on this thread collects its errors. */
    public static boolean collecting() {
        return COLLECTED.get() != null;
    }

    /** Records that the parser's current value breaks {@code rule}. */
    public static void record(JsonParser parser, String rule) {
        List<Problem.FieldError> errors = COLLECTED.get();
        if (errors != null) {
            errors.add(new Problem.FieldError(path(parser), rule));
        }
    }

    /** Records that property {@code name} of the object the parser has just read breaks {@code rule}. */
    static void recordProperty(JsonParser parser, String name, String rule) {
        List<Problem.FieldError> errors = COLLECTED.get();
        if (errors != null) {
            String container = segments(parser);
            errors.add(new Problem.FieldError(container.isEmpty() ? name : container + "." + name, rule));
        }
    }

    /**
     * While collecting, records the rule and answers {@code null} (the value reads as absent and the
     * reading goes on); otherwise throws {@link FieldRuleBroken} as a single error.
     */
    public static <T> T recordOrThrow(JsonParser parser, String rule) throws FieldRuleBroken {
        if (!collecting()) {
            throw new FieldRuleBroken(parser, rule);
        }
        record(parser, rule);
        return null;
    }

    static List<Problem.FieldError> start() {
        List<Problem.FieldError> errors = new ArrayList<>();
        COLLECTED.set(errors);
        return errors;
    }

    static void stop() {
        COLLECTED.remove();
    }

    /**
     * The JSON path of the parser's current value in the API's notation ({@code budgets[0].amount}),
     * the same as a bean-validation error names; {@code body} for the document itself.
     */
    public static String path(JsonParser parser) {
        String path = segments(parser);
        return path.isEmpty() ? "body" : path;
    }

    private static String segments(JsonParser parser) {
        Deque<String> segments = new ArrayDeque<>();
        JsonStreamContext context = parser.getParsingContext();
        // The context of a value just started (an object or array) is the value itself: its parent names it.
        if (context != null && (context.inObject() || context.inArray())
                && (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY)) {
            context = context.getParent();
        }
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                segments.push("[" + Math.max(context.getCurrentIndex(), 0) + "]");
            } else if (context.getCurrentName() != null) {
                segments.push(context.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (!path.isEmpty() && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.toString();
    }
}
