package io.partnerplan.plan.member;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.plan.plan.PlanContent;

/** The plan's members in each version's snapshot: who was on the plan, on which side, in which role. */
@ApplicationScoped
public class MembersInVersions implements PlanContent {

    private final PlanMemberRepository members;

    public MembersInVersions(PlanMemberRepository members) {
        this.members = members;
    }

    @Override
    public String name() {
        return "members";
    }

    @Override
    public Object of(UUID planId) {
        return members.list("planId = ?1 order by id", planId).stream()
                .map(m -> new Snapshot(m.subject, m.organisationId, m.role)).toList();
    }

    record Snapshot(String subject, UUID organisationId, PlanRole role) {
    }
}
