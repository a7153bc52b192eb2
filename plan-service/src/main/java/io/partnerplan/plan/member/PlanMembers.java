package io.partnerplan.plan.member;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.person.Directory;
import io.partnerplan.plan.person.Person;
import io.partnerplan.plan.person.PersonRepository;
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

/**
 * Who is on a plan, from both organisations, and in which role. Members are people of the directory:
 * the vendor's manager adds the vendor's people, the partner's owner the partner's.
 */
@ApplicationScoped
public class PlanMembers {

    private final PlanMemberRepository members;
    private final PersonRepository people;
    private final Directory directory;
    private final PlanService plans;
    private final Outbox outbox;
    private final Caller caller;

    public PlanMembers(PlanMemberRepository members, PersonRepository people, Directory directory, PlanService plans,
                       Outbox outbox, Caller caller) {
        this.members = members;
        this.people = people;
        this.directory = directory;
        this.plans = plans;
        this.outbox = outbox;
        this.caller = caller;
    }

    /** The vendor manager who drafts a plan is its first member (met by the directory on this very request). */
    void onPlanCreated(@Observes PlanChanged change) {
        if (!change.change().equals("plan.created")) {
            return;
        }
        PlanView plan = change.plan();
        Person drafter = people.bySubject(caller.subject())
                .orElseThrow(() -> ProblemException.forbidden("The drafter is not in the vendor's directory"));
        persist(plan, drafter, plan.vendorOrganisationId(), PlanRole.VENDOR_MANAGER);
    }

    /**
     * Adds a person of the directory. The vendor's manager adds only the vendor's people, the partner's
     * owner only the partner's; roles belong to a side (a vendor manager is the vendor's).
     */
    @Transactional
    public MemberView add(UUID planId, MemberRequest request) {
        PlanView plan = plans.get(planId);
        requireManager(plan);
        Person person = directory.require("subject", request.subject().strip());
        requireMayManage(plan, person.organisationId);
        return enrol(plan, person, request.role());
    }

    /** Puts {@code person} on the plan in {@code role}; the caller's right to do so is checked already. */
    @Transactional(Transactional.TxType.MANDATORY)
    MemberView enrol(PlanView plan, Person person, PlanRole role) {
        if (plan.status() == PlanStatus.CLOSED || plan.status() == PlanStatus.RENEWED) {
            throw ProblemException.conflict("A " + plan.status().name().toLowerCase() + " plan takes no new members");
        }
        boolean vendor = person.organisationId.equals(plan.vendorOrganisationId());
        requireSideRole(vendor, role);
        if (members.of(plan.id(), person.subject).isPresent()) {
            throw ProblemException.conflict(person.subject + " is already a member of this plan");
        }
        return persist(plan, person, person.organisationId, role);
    }

    static void requireSideRole(boolean vendor, PlanRole role) {
        if (role == PlanRole.VENDOR_MANAGER && !vendor || role == PlanRole.PARTNER_OWNER && vendor) {
            throw ProblemException.badRequest("role", role.roleName() + " belongs to the " + (vendor ? "partner" : "vendor") + " side");
        }
    }

    @Transactional
    public Page<MemberView> list(UUID planId, PageRequest page) {
        PlanView plan = plans.get(planId);
        List<PlanMember> rows = members.page(planId, page);
        Map<UUID, Person> persons = people.byIds(rows.stream().map(m -> m.personId).toList());
        return Page.of(rows, page, m -> m.id, m -> view(plan, m, persons.get(m.personId)));
    }

    @Transactional
    public void remove(UUID planId, String subject) {
        PlanView plan = plans.get(planId);
        PlanMember member = members.of(planId, subject)
                .orElseThrow(() -> ProblemException.notFound("Member", subject + " of plan " + planId));
        requireMayManage(plan, member.organisationId);
        members.delete(member);
        outbox.publish(MemberEvents.REMOVED, planId, view(plan, member, people.findById(member.personId)));
    }

    /** Renewal: the successor plan gets the same people in the same roles (its drafter is already on it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void copy(UUID from, UUID to) {
        PlanView plan = plans.get(to);
        for (PlanMember m : members.list("planId = ?1 order by id", from)) {
            if (members.of(to, m.subject).isEmpty()) {
                persist(plan, people.findById(m.personId), m.organisationId, m.role);
            }
        }
    }

    private MemberView persist(PlanView plan, Person person, UUID organisation, PlanRole role) {
        PlanMember member = new PlanMember();
        member.id = Ids.next();
        member.planId = plan.id();
        member.personId = person.id;
        member.subject = person.subject;
        member.organisationId = organisation;
        member.role = role;
        member.addedBy = caller.subject();
        member.addedAt = Instant.now();
        members.persist(member);
        MemberView view = view(plan, member, person);
        outbox.publish(MemberEvents.ADDED, plan.id(), view);
        return view;
    }

    /**
     * The vendor's manager manages the vendor's people on the plan, the partner's owner the partner's;
     * neither enrols the other side's people.
     */
    void requireMayManage(PlanView plan, UUID organisationOfMember) {
        UUID mine = requireManager(plan);
        if (!mine.equals(organisationOfMember)) {
            throw ProblemException.forbidden(mine.equals(plan.vendorOrganisationId())
                    ? "A vendor manager adds the vendor's people; the partner's owner adds the partner's"
                    : "A partner owner adds the partner's people only");
        }
    }

    /** The organisation whose people the caller manages on this plan; 403 for anyone else. */
    UUID requireManager(PlanView plan) {
        UUID mine = caller.requireOrganisation();
        boolean vendorManager = mine.equals(plan.vendorOrganisationId()) && caller.hasRole(Roles.VENDOR_MANAGER);
        boolean partnerOwner = mine.equals(plan.partnerOrganisationId()) && caller.hasRole(Roles.PARTNER_OWNER);
        if (!vendorManager && !partnerOwner) {
            throw ProblemException.forbidden("The vendor's manager manages the vendor's people, the partner's owner the partner's");
        }
        return mine;
    }

    private static MemberView view(PlanView plan, PlanMember m, Person p) {
        String side = m.organisationId.equals(plan.vendorOrganisationId()) ? "VENDOR" : "PARTNER";
        return new MemberView(m.planId, m.personId, m.subject, m.organisationId, side, m.role,
                p == null ? m.subject : p.displayName, p == null ? null : p.email, p == null ? null : p.locale,
                p == null ? null : p.timeZone, m.addedAt);
    }
}
