package io.partnerplan.platform.problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Reads a JSON request body collecting every field error ({@link AllFieldErrors}) and answers them
 * all in one 400 problem: what Jackson found (unknown properties, wrong types and formats, control
 * characters, dates out of range) and what Bean Validation finds in the rest of the body, one entry
 * per field. A body that reads cleanly goes on to the resource method's own validation as before.
 */
@Provider
public class AllFieldErrorsReader implements ReaderInterceptor {

    private final Validator validator;

    public AllFieldErrorsReader(Validator validator) {
        this.validator = validator;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        List<Problem.FieldError> found = AllFieldErrors.start();
        Object body;
        try {
            body = context.proceed();
        } catch (JsonProcessingException e) {
            // An error Jackson cannot read past (malformed JSON, a constructor refusing its arguments): alone it is
            // answered as before; after others, it joins them.
            if (found.isEmpty() || e instanceof JsonParseException) {
                throw e;
            }
            if (!(e instanceof ValueInstantiationException)) {
                found.add(JsonErrors.describe(e, "body"));
            }
            body = null;
        } finally {
            AllFieldErrors.stop();
        }
        if (found.isEmpty()) {
            return body;
        }
        List<Problem.FieldError> errors = new ArrayList<>(found);
        Set<String> named = errors.stream().map(Problem.FieldError::field).collect(Collectors.toSet());
        if (body != null) {
            List<Problem.FieldError> rules = new ArrayList<>();
            for (ConstraintViolation<Object> violation : validator.validate(body)) {
                String field = ProblemMappers.fieldOf(violation.getPropertyPath());
                // A field already named keeps its first error (a value that could not be read is null now).
                if (!named.contains(field)) {
                    rules.add(new Problem.FieldError(field, violation.getMessage()));
                }
            }
            rules.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
            errors.addAll(rules);
        }
        List<Problem.FieldError> distinct = List.copyOf(new LinkedHashSet<>(errors));
        throw new ProblemException(400, "validation", "Request is not valid",
                distinct.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), distinct);
    }
}
