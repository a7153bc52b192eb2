package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * notification-service's webhook key (it encrypts the signing secrets at rest) is mandatory: an
 * optional Secret reference would start the pod without it, and the service refuses to start
 * without it in production anyway; better the pod waits for the Secret with a clear event.
 */
class WebhookKeyTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theWebhookKeyIsAMandatorySecret(String overlay) {
        assertEquals(List.of(), problems(Rendered.overlay(overlay)), overlay);
    }

    @Test
    void anOptionalWebhookKeyFails() {
        List<JsonNode> objects = new ArrayList<>(Rendered.overlay("prod"));
        objects.replaceAll(o -> {
            if ("Deployment".equals(o.path("kind").asText()) && "notification-service".equals(Rendered.name(o))) {
                ObjectNode copy = o.deepCopy();
                for (JsonNode env : copy.at("/spec/template/spec/containers/0/env")) {
                    if ("PARTNERPLAN_WEBHOOKS_SECRET_KEY".equals(env.path("name").asText())) {
                        ((ObjectNode) env.at("/valueFrom/secretKeyRef")).put("optional", true);
                    }
                }
                return copy;
            }
            return o;
        });
        List<String> problems = problems(objects);
        assertTrue(problems.stream().anyMatch(p -> p.contains("optional")), problems.toString());
        System.out.println("negative test, optional webhook key: " + problems);
    }

    static List<String> problems(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        JsonNode container = Rendered.named(objects, "Deployment", "notification-service").orElseThrow()
                .at("/spec/template/spec/containers/0");
        JsonNode ref = null;
        for (JsonNode env : container.path("env")) {
            if ("PARTNERPLAN_WEBHOOKS_SECRET_KEY".equals(env.path("name").asText())) {
                ref = env.at("/valueFrom/secretKeyRef");
            }
        }
        if (ref == null || ref.isMissingNode()) {
            problems.add("notification-service: PARTNERPLAN_WEBHOOKS_SECRET_KEY does not come from a Secret");
        } else if (ref.path("optional").asBoolean(false)) {
            problems.add("notification-service: the Secret " + ref.path("name").asText() + " of PARTNERPLAN_WEBHOOKS_SECRET_KEY is optional:"
                    + " a forgotten Secret would store webhook signing secrets unencrypted");
        }
        return problems;
    }
}
