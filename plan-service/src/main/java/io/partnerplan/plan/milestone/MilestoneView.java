package io.partnerplan.plan.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Milestone")
public record MilestoneView(UUID id, UUID planId, String title, String description, LocalDate dueOn, MilestoneStatus status,
                            List<Criterion> criteria, Instant decidedAt, Instant createdAt, long version) {

    static MilestoneView of(Milestone m) {
        return new MilestoneView(m.id, m.planId, m.title, m.description, m.dueOn, m.status, m.criteria, m.decidedAt,
                m.createdAt, m.version);
    }
}
