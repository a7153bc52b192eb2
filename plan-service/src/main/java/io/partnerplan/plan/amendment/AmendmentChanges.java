package io.partnerplan.plan.amendment;

import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.plan.plan.AgreedContent;

/**
 * What an amendment changes, as partial changes over the whole agreed plan: each part present is a
 * patch over that part, absent parts stay as they are.
 */
@Schema(name = "AmendmentChanges", description = "Partial changes over the agreed plan, one patch per part; absent parts stay. "
        + "The header and sections take a JSON Merge Patch (RFC 7396). Objectives, milestones, investments and budgets are "
        + "documents of the plan's items keyed by id, each shaped as its request (ObjectiveRequest, MilestoneRequest, "
        + "InvestmentRequest, BudgetRequest without id); each part takes a JSON Merge Patch over its document (an object) or a "
        + "JSON Patch (RFC 6902, an array of operations). A key that is not an existing id adds an item; null (or remove) "
        + "removes one (objectives and budgets; an investment is withdrawn with status WITHDRAWN).")
public record AmendmentChanges(
        @Schema(implementation = PatchSchemas.MergePatchDocument.class,
                description = "Merge patch over {title, horizonStart, horizonEnd, reviewCadence, signingPolicy}") JsonNode plan,
        @Schema(implementation = PatchSchemas.MergePatchDocument.class,
                description = "Merge patch over the written sections (see PlanSections)") JsonNode sections,
        @Schema(implementation = PatchSchemas.PartPatch.class, description = "Over the objectives keyed by id (ObjectiveRequest)")
        JsonNode objectives,
        @Schema(implementation = PatchSchemas.PartPatch.class, description = "Over the milestones keyed by id (MilestoneRequest)")
        JsonNode milestones,
        @Schema(implementation = PatchSchemas.PartPatch.class, description = "Over the investments keyed by id (InvestmentRequest)")
        JsonNode investments,
        @Schema(implementation = PatchSchemas.PartPatch.class, description = "Over the budgets' planned side keyed by id "
                + "(BudgetRequest); committed and spent are execution and stay as recorded") JsonNode budgets) {

    /** A part sent or kept as JSON null is absent, as if left out (an answer then leaves it out too). */
    public AmendmentChanges {
        plan = absent(plan) ? null : plan;
        sections = absent(sections) ? null : sections;
        objectives = absent(objectives) ? null : objectives;
        milestones = absent(milestones) ? null : milestones;
        investments = absent(investments) ? null : investments;
        budgets = absent(budgets) ? null : budgets;
    }

    /** The same changes with every JSON Patch operation spelling out op, path, value and from (null when not used). */
    AmendmentChanges normalized() {
        return new AmendmentChanges(plan, sections, operations(objectives), operations(milestones), operations(investments),
                operations(budgets));
    }

    private static JsonNode operations(JsonNode part) {
        if (part == null || !part.isArray()) {
            return part;
        }
        com.fasterxml.jackson.databind.node.ArrayNode copy = part.deepCopy();
        for (JsonNode operation : copy) {
            if (operation.isObject()) {
                for (String member : new String[] { "op", "path", "value", "from" }) {
                    if (!operation.has(member)) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) operation).putNull(member);
                    }
                }
            }
        }
        return copy;
    }

    boolean changesNothing() {
        return Stream.of(plan, sections, objectives, milestones, investments, budgets).allMatch(AmendmentChanges::absent);
    }

    /** The patch for one part of the plan kept beside its row; null when absent. */
    JsonNode of(AgreedContent.Part part) {
        JsonNode patch = Map.of(AgreedContent.Part.OBJECTIVES, nullSafe(objectives), AgreedContent.Part.MILESTONES, nullSafe(milestones),
                AgreedContent.Part.INVESTMENTS, nullSafe(investments), AgreedContent.Part.BUDGETS, nullSafe(budgets))
                .get(part);
        return absent(patch) ? null : patch;
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static JsonNode nullSafe(JsonNode node) {
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
    }
}
