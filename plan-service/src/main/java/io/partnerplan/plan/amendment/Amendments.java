package io.partnerplan.plan.amendment;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;

import io.partnerplan.plan.member.PlanMemberRepository;
import io.partnerplan.plan.plan.AmendablePart;
import io.partnerplan.plan.plan.PlanChanged;
import io.partnerplan.plan.plan.PlanUpdate;
import io.partnerplan.plan.section.MergePatch;
import io.partnerplan.plan.section.PlanSections;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanStatus;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.plan.plan.Side;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.EventType;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Keyset;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

/**
 * Amendments: the only way an agreed plan's content changes. A member of either side proposes; a
 * member of the other side allowed to sign for it accepts (applied in one transaction as one new
 * plan version, plan.amended) or rejects with a reason. One open amendment per plan at a time, so
 * an accepted amendment always applies to the content it was proposed against. The proposing side
 * may withdraw it, and closing or renewing the plan withdraws it.
 */
@ApplicationScoped
public class Amendments {

    private static final Set<PlanStatus> AMENDABLE = Set.of(PlanStatus.AGREED, PlanStatus.ACTIVE, PlanStatus.IN_REVIEW);

    private final EntityManager em;
    private final PlanService plans;
    private final PlanMemberRepository members;
    private final Instance<AmendablePart> parts;
    private final Outbox outbox;
    private final Caller caller;

    public Amendments(EntityManager em, PlanService plans, PlanMemberRepository members, Instance<AmendablePart> parts,
                      Outbox outbox, Caller caller) {
        this.em = em;
        this.plans = plans;
        this.members = members;
        this.parts = parts;
        this.outbox = outbox;
        this.caller = caller;
    }

    @Transactional
    public AmendmentView propose(UUID planId, AmendmentRequest request) {
        PlanView plan = plans.get(planId);
        requireMember(planId, "propose amendments");
        if (!mayPropose()) {
            throw ProblemException.forbidden("Viewers do not propose amendments");
        }
        requireAmendable(plan);
        AmendmentChanges changes = request.changes().normalized();
        if (changes.changesNothing()) {
            throw ProblemException.badRequest("changes", "must change the plan, its sections, objectives, milestones, investments or budgets");
        }
        if (open(planId) > 0) {
            throw ProblemException.conflict("Plan " + planId + " has an open amendment; the other side accepts or rejects it first");
        }
        if (amended(plan, changes).changesNothing()) {
            throw ProblemException.badRequest("changes", "leave the plan as it is: nothing to agree");
        }
        Amendment a = new Amendment();
        a.id = Ids.next();
        a.planId = planId;
        a.proposedBy = caller.subject();
        a.proposedBySide = sideOf(plan);
        a.reason = request.reason().strip();
        a.changes = changes;
        a.status = AmendmentStatus.PROPOSED;
        a.fromVersion = plan.version();
        a.proposedAt = Instant.now();
        em.persist(a);
        em.flush();
        return publish(a, AmendmentEvents.PROPOSED);
    }

    /** Applies every part of the amendment in this one transaction, as one new version of the plan. */
    @Transactional
    public AmendmentView accept(UUID planId, UUID amendmentId, String ifMatch) {
        PlanView plan = plans.get(planId);
        Amendment a = decidable(plan, amendmentId, ifMatch, "accept");
        requireAmendable(plan);
        Amended amended = amended(plan, a.changes);
        amended.parts().forEach(p -> p.part().apply(plan, p.before(), p.after()));
        PlanView after = plans.applyAmendment(planId, amended.header(), amended.sections());
        a.status = AmendmentStatus.ACCEPTED;
        a.acceptedBy = caller.subject();
        a.toVersion = after.version();
        a.decidedAt = Instant.now();
        em.flush();
        return publish(a, AmendmentEvents.AMENDED);
    }

    /** What the plan would be after the changes, checked part by part (400 naming the field under changes.*). */
    private Amended amended(PlanView plan, AmendmentChanges changes) {
        PlanUpdate header = AmendmentChanges.absent(changes.plan()) ? null : plans.amendedHeader(plan, "changes.plan", changes.plan());
        PlanSections sections = AmendmentChanges.absent(changes.sections()) ? null
                : plans.amendedSections(plan, "changes.sections", changes.sections());
        List<PartChange> changed = new java.util.ArrayList<>();
        parts.stream().sorted(java.util.Comparator.comparing(AmendablePart::part)).forEach(part -> {
            JsonNode patch = changes.of(part.part());
            if (patch == null) {
                return;
            }
            String prefix = "changes." + part.part().amendmentPart();
            ObjectNode before = part.document(plan.id());
            JsonNode after;
            try {
                after = patch.isArray() ? JsonPatch.apply(patch, before) : MergePatch.apply(before, patch);
            } catch (RuntimeException e) {
                throw ProblemException.badRequest(prefix, "the patch does not apply: " + e.getMessage());
            }
            if (!after.isObject()) {
                throw ProblemException.badRequest(prefix, "must leave an object of items keyed by id");
            }
            part.check(plan, prefix, before, (ObjectNode) after);
            if (!before.equals(after)) {
                changed.add(new PartChange(part, before, (ObjectNode) after));
            }
        });
        return new Amended(header, sections, changed);
    }

    private record PartChange(AmendablePart part, ObjectNode before, ObjectNode after) {
    }

    private record Amended(PlanUpdate header, PlanSections sections, List<PartChange> parts) {
        boolean changesNothing() {
            return header == null && sections == null && parts.isEmpty();
        }
    }

    @Transactional
    public AmendmentView reject(UUID planId, UUID amendmentId, String ifMatch, String reason) {
        PlanView plan = plans.get(planId);
        Amendment a = decidable(plan, amendmentId, ifMatch, "reject");
        a.status = AmendmentStatus.REJECTED;
        a.rejectedBy = caller.subject();
        a.rejectionReason = reason.strip();
        a.decidedAt = Instant.now();
        em.flush();
        return publish(a, AmendmentEvents.REJECTED);
    }

    /** The proposing side takes its open amendment back; the other side is no longer asked to decide. */
    @Transactional
    public AmendmentView withdraw(UUID planId, UUID amendmentId, String ifMatch, String reason) {
        PlanView plan = plans.get(planId);
        Amendment a = find(planId, amendmentId);
        requireMember(planId, "withdraw amendments");
        // Who may is answered before a stale If-Match: a viewer hears 403, not "read it again".
        if (sideOf(plan) != a.proposedBySide || !mayPropose()) {
            throw ProblemException.forbidden("The " + a.proposedBySide.name().toLowerCase() + " proposed this amendment: "
                    + "only its members who may propose amendments withdraw it");
        }
        Versions.requireMatch(ifMatch, a.version);
        requireOpen(a);
        return withdrawn(a, caller.subject(), reason.strip());
    }

    /** A closed or renewed plan takes no amendment: its open one is withdrawn in the same transaction. */
    void onPlanEnded(@Observes PlanChanged change) {
        String ended = switch (change.change()) {
            case "plan.closed" -> "closed";
            case "plan.renewed" -> "renewed";
            default -> null;
        };
        if (ended != null) {
            em.createQuery("from Amendment a where a.planId = ?1 and a.status = ?2", Amendment.class)
                    .setParameter(1, change.plan().id()).setParameter(2, AmendmentStatus.PROPOSED).getResultStream()
                    .forEach(a -> withdrawn(a, change.changedBy(), "The plan was " + ended));
        }
    }

    private AmendmentView withdrawn(Amendment a, String by, String reason) {
        a.status = AmendmentStatus.WITHDRAWN;
        a.withdrawnBy = by;
        a.withdrawalReason = reason;
        a.decidedAt = Instant.now();
        em.flush();
        return publish(a, AmendmentEvents.WITHDRAWN);
    }

    @Transactional
    public AmendmentView get(UUID planId, UUID amendmentId) {
        plans.requireVisible(planId);
        return AmendmentView.of(find(planId, amendmentId));
    }

    /** ETag of one amendment. */
    @Transactional
    public long version(UUID planId, UUID amendmentId) {
        return find(planId, amendmentId).version;
    }

    @Transactional
    public Page<AmendmentView> list(UUID planId, PageRequest page) {
        plans.requireVisible(planId);
        List<Amendment> rows = Keyset.rows(em, Amendment.class, page, "planId = ?1", planId);
        return Page.of(rows, page, a -> a.id, AmendmentView::of);
    }

    /** An open amendment the caller may decide: the other side's, by someone who may sign for their side. */
    private Amendment decidable(PlanView plan, UUID amendmentId, String ifMatch, String verb) {
        Amendment a = find(plan.id(), amendmentId);
        Versions.requireMatch(ifMatch, a.version);
        requireMember(plan.id(), verb + " amendments");
        requireOpen(a);
        Side side = sideOf(plan);
        if (side == a.proposedBySide) {
            throw ProblemException.forbidden("The " + side.name().toLowerCase() + " proposed this amendment; the other side "
                    + "accepts or rejects it");
        }
        plans.requireSigner(plan.id(), "Deciding an amendment");
        return a;
    }

    private static void requireOpen(Amendment a) {
        if (a.status != AmendmentStatus.PROPOSED) {
            throw ProblemException.conflict("Amendment " + a.id + " was already " + a.status.name().toLowerCase());
        }
    }

    private boolean mayPropose() {
        return Stream.of(Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.CONTRIBUTOR, Roles.EXECUTIVE_SPONSOR).anyMatch(caller::hasRole);
    }

    private AmendmentView publish(Amendment a, EventType<AmendmentView> event) {
        AmendmentView view = AmendmentView.of(a);
        outbox.publish(event, a.planId, view);
        return view;
    }

    private long open(UUID planId) {
        return em.createQuery("select count(a) from Amendment a where a.planId = ?1 and a.status = ?2", Long.class)
                .setParameter(1, planId).setParameter(2, AmendmentStatus.PROPOSED).getSingleResult();
    }

    private Amendment find(UUID planId, UUID amendmentId) {
        Amendment a = em.find(Amendment.class, amendmentId);
        if (a == null || !a.planId.equals(planId)) {
            throw ProblemException.notFound("Amendment", amendmentId);
        }
        return a;
    }

    private void requireMember(UUID planId, String what) {
        if (members.of(planId, caller.subject()).isEmpty()) {
            throw ProblemException.forbidden("Only members of the plan " + what);
        }
    }

    private static void requireAmendable(PlanView plan) {
        if (!AMENDABLE.contains(plan.status())) {
            throw ProblemException.conflict(plan.status() == PlanStatus.DRAFT || plan.status() == PlanStatus.PROPOSED
                    ? "A " + plan.status().name().toLowerCase() + " plan is edited directly, not amended"
                    : "A " + plan.status().name().toLowerCase() + " plan takes no amendments");
        }
    }

    private Side sideOf(PlanView plan) {
        return plan.vendorOrganisationId().equals(caller.requireOrganisation()) ? Side.VENDOR : Side.PARTNER;
    }

}
