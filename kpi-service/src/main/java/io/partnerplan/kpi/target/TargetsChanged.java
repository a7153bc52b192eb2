package io.partnerplan.kpi.target;

import io.partnerplan.kpi.plan.TrackedPlan;

/**
 * The plan's targets changed (set, replaced, or followed an accepted amendment). Fired in the
 * changing transaction; the scorecards observe it (targets know nothing of scorecards, so the
 * packages form no cycle).
 */
public record TargetsChanged(TrackedPlan plan) {
}
