package io.partnerplan.plan.version;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "PlanVersionDiff")
public record VersionDiff(long from, long to,
                          @Schema(description = "RFC 6902 JSON Patch turning version `from` into version `to`; "
                                  + "paths address /plan/... (header), /sections/..., /objectives, /milestones, /investments, /budgets and /members; each operation an object with op, path and value (or from)")
                          List<JsonNode> changes) {
}
