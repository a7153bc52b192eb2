package io.partnerplan.plan.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.partnerplan.plan.plan.PlanChanged;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanStatus;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

/** Who is on a plan, from both organisations, and in which role. */
@ApplicationScoped
public class PlanMembers {

    private final PlanMemberRepository members;
    private final PlanService plans;
    private final Outbox outbox;
    private final Caller caller;
    private final JsonWebToken token;

    public PlanMembers(PlanMemberRepository members, PlanService plans, Outbox outbox, Caller caller, JsonWebToken token) {
        this.members = members;
        this.plans = plans;
        this.outbox = outbox;
        this.caller = caller;
        this.token = token;
    }

    /** The vendor manager who drafts a plan is its first member. */
    void onPlanCreated(@Observes PlanChanged change) {
        if (!change.change().equals("plan.created")) {
            return;
        }
        PlanView plan = change.plan();
        String email = token.getClaim("email");
        if (email == null && caller.subject().contains("@")) {
            email = caller.subject();
        }
        String name = token.getClaim("name");
        persist(plan, caller.subject(), plan.vendorOrganisationId(), PlanRole.VENDOR_MANAGER,
                name == null ? caller.subject() : name, email, token.getClaim("locale"), token.getClaim("zoneinfo"));
    }

    /**
     * The vendor's manager adds people of either side; the partner's owner adds people of the
     * partner. A vendor manager belongs to the vendor, a partner owner to the partner.
     */
    @Transactional
    public MemberView add(UUID planId, MemberRequest request) {
        PlanView plan = plans.get(planId);
        requireMayManage(plan, request.organisationId());
        if (plan.status() == PlanStatus.CLOSED || plan.status() == PlanStatus.RENEWED) {
            throw ProblemException.conflict("A " + plan.status().name().toLowerCase() + " plan takes no new members");
        }
        boolean vendor = request.organisationId().equals(plan.vendorOrganisationId());
        if (!vendor && !request.organisationId().equals(plan.partnerOrganisationId())) {
            throw ProblemException.badRequest("organisationId", "must be the plan's vendor or partner");
        }
        if (request.role() == PlanRole.VENDOR_MANAGER && !vendor || request.role() == PlanRole.PARTNER_OWNER && vendor) {
            throw ProblemException.badRequest("role", request.role().roleName() + " belongs to the "
                    + (vendor ? "partner" : "vendor") + " side");
        }
        if (members.of(planId, request.subject()).isPresent()) {
            throw ProblemException.conflict(request.subject() + " is already a member of this plan");
        }
        return persist(plan, request.subject(), request.organisationId(), request.role(), request.displayName().strip(),
                request.email(), request.locale(), request.timeZone());
    }

    @Transactional
    public Page<MemberView> list(UUID planId, PageRequest page) {
        PlanView plan = plans.get(planId);
        return Page.of(members.page(planId, page), page, m -> m.id, m -> view(plan, m));
    }

    @Transactional
    public void remove(UUID planId, String subject) {
        PlanView plan = plans.get(planId);
        PlanMember member = members.of(planId, subject)
                .orElseThrow(() -> ProblemException.notFound("Member", subject + " of plan " + planId));
        requireMayManage(plan, member.organisationId);
        members.delete(member);
        outbox.publish("member.removed", "plan", planId, view(plan, member));
    }

    /** Renewal: the successor plan gets the same people in the same roles (its drafter is already on it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void copy(UUID from, UUID to) {
        PlanView plan = plans.get(to);
        for (PlanMember m : members.list("planId = ?1 order by id", from)) {
            if (members.of(to, m.subject).isEmpty()) {
                persist(plan, m.subject, m.organisationId, m.role, m.displayName, m.email, m.locale, m.timeZone);
            }
        }
    }

    private MemberView persist(PlanView plan, String subject, UUID organisation, PlanRole role, String name, String email,
                               String locale, String timeZone) {
        PlanMember member = new PlanMember();
        member.id = Ids.next();
        member.planId = plan.id();
        member.subject = subject;
        member.organisationId = organisation;
        member.role = role;
        member.displayName = name;
        member.email = email;
        member.locale = locale;
        member.timeZone = timeZone;
        member.addedBy = caller.subject();
        member.addedAt = Instant.now();
        members.persist(member);
        MemberView view = view(plan, member);
        outbox.publish("member.added", "plan", plan.id(), view);
        return view;
    }

    private void requireMayManage(PlanView plan, UUID organisationOfMember) {
        UUID mine = caller.requireOrganisation();
        boolean vendorManager = mine.equals(plan.vendorOrganisationId()) && caller.hasRole(Roles.VENDOR_MANAGER);
        boolean partnerOwnerOfOwnSide = mine.equals(plan.partnerOrganisationId()) && caller.hasRole(Roles.PARTNER_OWNER)
                && mine.equals(organisationOfMember);
        if (!vendorManager && !partnerOwnerOfOwnSide) {
            throw ProblemException.forbidden("The vendor's manager manages members; a partner's owner manages the partner's people");
        }
    }

    private static MemberView view(PlanView plan, PlanMember m) {
        String side = m.organisationId.equals(plan.vendorOrganisationId()) ? "VENDOR" : "PARTNER";
        return new MemberView(m.planId, m.subject, m.organisationId, side, m.role, m.displayName, m.email, m.locale,
                m.timeZone, m.addedAt);
    }
}
