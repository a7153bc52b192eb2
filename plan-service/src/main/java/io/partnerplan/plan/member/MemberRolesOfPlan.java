package io.partnerplan.plan.member;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.plan.plan.MemberRoles;

/** The plan's view of its members' roles, read through the member repository. */
@ApplicationScoped
public class MemberRolesOfPlan implements MemberRoles {

    private final PlanMemberRepository members;

    public MemberRolesOfPlan(PlanMemberRepository members) {
        this.members = members;
    }

    @Override
    public Optional<Membership> of(UUID planId, String subject) {
        return members.of(planId, subject).map(m -> new Membership(m.organisationId, m.role.roleName()));
    }
}
