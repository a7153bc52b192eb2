package io.partnerplan.platform.web;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one convention for absent values in the API: an HTTP answer leaves a property out when it has
 * no value, it never sends {@code null}. docs/openapi.yaml therefore declares such properties as
 * optional (not {@code required}) with their plain type, and a strictly typed client (TypeScript with
 * strict null checks, Kotlin, Swift) reads them as optional. Requests are read as before (unknown
 * properties refused).
 *
 * <p>Only the REST layer uses this mapper: events and webhook payloads keep writing {@code null}
 * (their contract in docs/events requires every property to be present), so the application's own
 * {@link ObjectMapper} is left unchanged.
 */
@Provider
public class JsonAnswers implements ContextResolver<ObjectMapper> {

    private final ObjectMapper answers;

    public JsonAnswers(ObjectMapper application) {
        this.answers = forAnswers(application);
    }

    /**
     * The mapper for a body a resource writes itself (a kept scorecard, an NDJSON line): the same
     * convention as every other answer.
     */
    public static ObjectMapper forAnswers(ObjectMapper application) {
        return application.copy().setDefaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return answers;
    }
}
