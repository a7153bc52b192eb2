package io.partnerplan.plan.member;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.person.Person;
import io.partnerplan.plan.person.PersonRepository;
import io.partnerplan.plan.person.TokenPerson;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanStatus;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/**
 * Invitations to a plan for people of the inviter's organisation who are not in the directory yet.
 * The inviter names the role and whom it is for; the invitee accepts with their own token, whose
 * organisation and email claim must be the invitation's. Their name and address come from that token.
 */
@ApplicationScoped
public class Invitations {

    private final InvitationRepository invitations;
    private final PlanMembers members;
    private final PersonRepository people;
    private final PlanService plans;
    private final InvitationConfig config;
    private final Caller caller;
    private final Clock clock;

    public Invitations(InvitationRepository invitations, PlanMembers members, PersonRepository people, PlanService plans,
                       InvitationConfig config, Caller caller, Clock clock) {
        this.invitations = invitations;
        this.members = members;
        this.people = people;
        this.plans = plans;
        this.config = config;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public InvitationView invite(UUID planId, InvitationRequest request) {
        PlanView plan = plans.get(planId);
        UUID organisation = caller.requireOrganisation();
        members.requireMayManage(plan, organisation);
        if (plan.status() == PlanStatus.CLOSED || plan.status() == PlanStatus.RENEWED) {
            throw ProblemException.conflict("A " + plan.status().name().toLowerCase() + " plan takes no new members");
        }
        PlanMembers.requireSideRole(organisation.equals(plan.vendorOrganisationId()), request.role());
        String email = request.email().strip();
        people.byEmail(organisation, email).ifPresent(p -> {
            throw ProblemException.conflict(email + " is in your directory already (" + p.subject
                    + "): add them as a member (POST /api/v1/plans/" + planId + "/members)");
        });
        Instant now = clock.instant();
        Invitation invitation = new Invitation();
        invitation.id = Ids.next();
        invitation.planId = planId;
        invitation.organisationId = organisation;
        invitation.role = request.role();
        invitation.email = email;
        invitation.status = Invitation.Status.PENDING;
        invitation.invitedBy = caller.subject();
        invitation.invitedAt = now;
        invitation.expiresAt = now.plus(config.validity());
        invitations.persist(invitation);
        invitations.flush();
        return InvitationView.of(invitation, plan.vendorOrganisationId());
    }

    /** The plan's invitations of the caller's own side. */
    @Transactional
    public Page<InvitationView> list(UUID planId, PageRequest page) {
        PlanView plan = plans.get(planId);
        List<Invitation> rows = invitations.page(planId, caller.requireOrganisation(), page);
        return Page.of(rows, page, i -> i.id, i -> InvitationView.of(i, plan.vendorOrganisationId()));
    }

    @Transactional
    public InvitationView revoke(UUID planId, UUID id, String ifMatch) {
        PlanView plan = plans.get(planId);
        Invitation invitation = invitations.findByIdOptional(id).filter(i -> i.planId.equals(planId)
                        && i.organisationId.equals(caller.requireOrganisation()))
                .orElseThrow(() -> ProblemException.notFound("Invitation", id));
        members.requireMayManage(plan, invitation.organisationId);
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, invitation.version);
        }
        if (invitation.status != Invitation.Status.PENDING) {
            throw ProblemException.conflict("The invitation is " + invitation.status.name().toLowerCase() + " already");
        }
        invitation.status = Invitation.Status.REVOKED;
        invitations.flush();
        return InvitationView.of(invitation, plan.vendorOrganisationId());
    }

    /**
     * The invitee, with their own token, becomes a member in the invitation's role. An invitation of
     * another organisation does not exist for the caller (404); one for another address is refused (403).
     */
    @Transactional
    public MemberView accept(UUID id) {
        UUID organisation = caller.requireOrganisation();
        Invitation invitation = invitations.findByIdOptional(id).filter(i -> i.organisationId.equals(organisation))
                .orElseThrow(() -> ProblemException.notFound("Invitation", id));
        String email = TokenPerson.of(caller).map(TokenPerson::email)
                .orElseThrow(() -> ProblemException.forbidden("Your token carries no email to match the invitation's"));
        if (!email.toLowerCase(Locale.ROOT).equals(invitation.email.toLowerCase(Locale.ROOT))) {
            throw ProblemException.forbidden("The invitation is for another address than your token's");
        }
        if (invitation.status != Invitation.Status.PENDING) {
            throw ProblemException.conflict("The invitation is " + invitation.status.name().toLowerCase() + " already");
        }
        if (!clock.instant().isBefore(invitation.expiresAt)) {
            throw new ProblemException(410, "invitation-expired", "Invitation expired",
                    "The invitation expired at " + invitation.expiresAt + ": ask for a new one");
        }
        Person person = people.bySubject(caller.subject()).filter(p -> p.organisationId.equals(organisation))
                .orElseThrow(() -> ProblemException.forbidden("You are not in your organisation's directory"));
        MemberView member = members.enrol(plans.get(invitation.planId), person, invitation.role);
        invitation.status = Invitation.Status.ACCEPTED;
        invitation.acceptedBy = caller.subject();
        invitation.acceptedAt = clock.instant();
        return member;
    }
}
