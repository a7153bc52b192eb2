package io.partnerplan.plan.plan;

import java.util.UUID;

/**
 * Content kept beside the plan row (objectives, budgets) that belongs in every version's snapshot,
 * so the versions diff shows its changes too. Implemented by the packages owning that content.
 */
public interface PlanContent {

    /** The snapshot's field, e.g. {@code objectives}. */
    String name();

    /** The plan's current content, serialised into the snapshot. */
    Object of(UUID planId);
}
