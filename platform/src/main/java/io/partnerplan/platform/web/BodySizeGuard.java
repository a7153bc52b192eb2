package io.partnerplan.platform.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * Answers an announced oversized body with a 413 problem before anything reads it: JSON requests
 * up to {@code partnerplan.http.max-body-size}, bulk uploads (paths ending in {@code /bulk}) up to
 * {@code partnerplan.http.max-bulk-body-size} (0: no byte limit, for a service whose bulk uploads are
 * streamed and limited by lines and time). A JSON request must announce its length (411 for a chunked
 * one; the gateway always sends the length), so no JSON body is read past its limit whatever the HTTP
 * layer's own limit, which a streaming service raises for its bulk uploads.
 */
@ApplicationScoped
public class BodySizeGuard {

    void install(@Observes Router router, ObjectMapper json,
                 @ConfigProperty(name = "partnerplan.http.max-body-size", defaultValue = "1M") MemorySize max,
                 @ConfigProperty(name = "partnerplan.http.max-bulk-body-size", defaultValue = "32M") MemorySize maxBulk)
            throws JsonProcessingException {
        String body = problem(json, max.asLongValue());
        String bulkBody = problem(json, maxBulk.asLongValue());
        String lengthRequired = json.writeValueAsString(Map.of("type", Problem.TYPE_BASE + "length-required",
                "title", "Length required", "status", 411,
                "detail", "A JSON request must announce its Content-Length (only .../bulk uploads may be chunked)"));
        router.route().order(-1000).handler(rc -> {
            boolean bulk = rc.request().path().endsWith("/bulk");
            long limit = bulk ? maxBulk.asLongValue() : max.asLongValue();
            String length = rc.request().getHeader("Content-Length");
            if (!bulk && length == null && rc.request().getHeader("Transfer-Encoding") != null) {
                rc.response().setStatusCode(411).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(lengthRequired);
            } else if (length != null && limit > 0 && tooLong(length, limit)) {
                rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(bulk ? bulkBody : body);
            } else {
                rc.next();
            }
        });
    }

    private static String problem(ObjectMapper json, long limit) throws JsonProcessingException {
        return json.writeValueAsString(Map.of("type", Problem.TYPE_BASE + "payload-too-large", "title", "Payload too large",
                "status", 413, "detail", "The request body exceeds the limit of " + limit + " bytes"));
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
