package io.partnerplan.e2e;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * The global REST Assured filter: every answer a test receives from the gateway is held to
 * docs/openapi.yaml ({@link ApiContract}) before the test sees it.
 */
final class ApiContractFilter implements OrderedFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext context) {
        Response response = context.next(request, expected);
        URI uri = URI.create(request.getURI());
        if (uri.getPort() != E2eStack.GATEWAY) {
            return response;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.getHeaders().forEach(h -> headers.putIfAbsent(h.getName(), h.getValue()));
        ApiContract.document().check(new ApiContract.Exchange(request.getMethod(), uri, request.getContentType(),
                body(request.getBody()), response.getStatusCode(), response.getContentType(), response.asString(), headers));
        return response;
    }

    private static String body(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String text) {
            return text;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Last, so that it sees the answer as the test will. */
    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }
}
