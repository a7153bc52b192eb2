package io.partnerplan.plan.milestone;

import java.util.UUID;

/** Fired in the transaction that decides a milestone (achieved or missed), so what hangs on it follows. */
public record MilestoneDecided(UUID planId, UUID milestoneId, String title, MilestoneStatus status) {
}
