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
 * Answers an announced oversized body with a 413 problem before anything reads it. (The HTTP
 * layer's own limit, which still catches chunked bodies, answers 413 without a problem body; the
 * gateway answers both kinds with a problem.)
 */
@ApplicationScoped
public class BodySizeGuard {

    void install(@Observes Router router, ObjectMapper json,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize max)
            throws JsonProcessingException {
        long limit = max.asLongValue();
        Map<String, Object> problem = Map.of("type", Problem.TYPE_BASE + "payload-too-large", "title", "Payload too large",
                "status", 413, "detail", "The request body exceeds the limit of " + limit + " bytes");
        String body = json.writeValueAsString(problem);
        router.route().order(-1000).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null && tooLong(length, limit)) {
                rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(body);
            } else {
                rc.next();
            }
        });
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
