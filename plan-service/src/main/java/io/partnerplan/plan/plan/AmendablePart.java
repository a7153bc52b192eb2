package io.partnerplan.plan.plan;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One part of a plan kept beside the plan row (objectives, milestones, investments, budgets) as an
 * amendment patches it: a document of the plan's items keyed by id, each shaped as the request that
 * writes it. An amendment's part is a merge patch or a JSON Patch over that document; a key that is
 * not an existing id adds an item, a removed key removes one. Implemented by the packages owning the
 * part, so the amendment knows none of them.
 */
public interface AmendablePart {

    AgreedContent.Part part();

    /** The plan's items of this part as the amendment's patches address them. */
    ObjectNode document(UUID planId);

    /**
     * Checks the part as the amendment would leave it; 400 naming fields under {@code prefix}
     * (e.g. {@code changes.objectives.<id>.measures[0].target}).
     */
    void check(PlanView plan, String prefix, ObjectNode before, ObjectNode after);

    /** Makes the plan's items {@code after}, in the accepting transaction; publishes what its own changes publish. */
    void apply(PlanView plan, ObjectNode before, ObjectNode after);
}
