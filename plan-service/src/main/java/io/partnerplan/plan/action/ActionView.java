package io.partnerplan.plan.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActionItem")
public record ActionView(UUID id, UUID planId, String title, String description, String owner, LocalDate dueOn,
                         ActionStatus status, String strategyKey, UUID objectiveId, Instant createdAt, long version) {

    static ActionView of(ActionItem a) {
        return new ActionView(a.id, a.planId, a.title, a.description, a.owner, a.dueOn, a.status, a.strategyKey,
                a.objectiveId, a.createdAt, a.version);
    }
}
