package io.partnerplan.deploy;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** How far a Deployment may scale: its HorizontalPodAutoscaler's or KEDA ScaledObject's bounds, and its rollout surge. */
record Scaling(int min, int max, int surge) {

    /** The most pods that may run at once: every replica the autoscaler allows, plus the rollout's surge. */
    int peakPods() {
        return max + surge;
    }

    static Scaling of(List<JsonNode> objects, String deployment) {
        JsonNode d = Rendered.named(objects, "Deployment", deployment)
                .orElseThrow(() -> new AssertionError("no Deployment " + deployment));
        int min;
        int max;
        JsonNode hpa = Rendered.named(objects, "HorizontalPodAutoscaler", deployment).orElse(null);
        JsonNode scaled = Rendered.named(objects, "ScaledObject", deployment).orElse(null);
        if (hpa != null) {
            min = hpa.at("/spec/minReplicas").asInt(1);
            max = hpa.at("/spec/maxReplicas").asInt();
        } else if (scaled != null) {
            // KEDA's defaults: minReplicaCount 0, maxReplicaCount 100.
            min = scaled.at("/spec/minReplicaCount").asInt(0);
            max = scaled.at("/spec/maxReplicaCount").asInt(100);
        } else {
            min = d.at("/spec/replicas").asInt(1);
            max = min;
        }
        JsonNode surge = d.at("/spec/strategy/rollingUpdate/maxSurge");
        int extra;
        if (surge.isMissingNode()) {
            extra = (int) Math.ceil(max * 0.25);  // Kubernetes' default: 25%
        } else if (surge.isTextual() && surge.asText().endsWith("%")) {
            extra = (int) Math.ceil(max * Integer.parseInt(surge.asText().replace("%", "")) / 100.0);
        } else {
            extra = surge.asInt();
        }
        return new Scaling(min, max, extra);
    }
}
