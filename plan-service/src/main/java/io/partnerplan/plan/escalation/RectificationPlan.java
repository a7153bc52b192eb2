package io.partnerplan.plan.escalation;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the cause is put right: a summary and the action items created with the resolution. */
@Schema(name = "RectificationPlan")
public record RectificationPlan(String summary, List<UUID> actionIds) {
}
