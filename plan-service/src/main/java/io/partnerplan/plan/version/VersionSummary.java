package io.partnerplan.plan.version;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanVersionSummary")
public record VersionSummary(@Schema(description = "The plan's version (its ETag) after the change") long version,
                             @Schema(example = "plan.updated") String change, String changedBy, Instant changedAt) {

    static VersionSummary of(PlanVersion v) {
        return new VersionSummary(v.planVersion, v.change, v.changedBy, v.changedAt);
    }
}
