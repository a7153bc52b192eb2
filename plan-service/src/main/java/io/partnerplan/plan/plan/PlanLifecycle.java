package io.partnerplan.plan.plan;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Roles;

/** Which status may follow which; pure rules, tested without a database. */
public final class PlanLifecycle {

    private static final Map<PlanStatus, Set<PlanStatus>> NEXT = Map.of(
            PlanStatus.DRAFT, EnumSet.of(PlanStatus.PROPOSED, PlanStatus.CLOSED),
            // Proposed goes back to draft when either side asks for changes.
            PlanStatus.PROPOSED, EnumSet.of(PlanStatus.DRAFT, PlanStatus.AGREED, PlanStatus.CLOSED),
            PlanStatus.AGREED, EnumSet.of(PlanStatus.ACTIVE, PlanStatus.CLOSED),
            PlanStatus.ACTIVE, EnumSet.of(PlanStatus.IN_REVIEW, PlanStatus.RENEWED, PlanStatus.CLOSED),
            PlanStatus.IN_REVIEW, EnumSet.of(PlanStatus.ACTIVE, PlanStatus.RENEWED, PlanStatus.CLOSED),
            PlanStatus.RENEWED, EnumSet.noneOf(PlanStatus.class),
            PlanStatus.CLOSED, EnumSet.noneOf(PlanStatus.class));

    private PlanLifecycle() {
    }

    public static boolean allows(PlanStatus from, PlanStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** @throws ProblemException 409 naming the allowed next states */
    public static void requireTransition(PlanStatus from, PlanStatus to) {
        if (!allows(from, to)) {
            throw ProblemException.conflict("A " + from.name().toLowerCase() + " plan cannot become "
                    + to.name().toLowerCase() + "; allowed next: " + NEXT.get(from));
        }
    }

    /**
     * Who may sign for a side, by their role on the plan: the vendor's manager for the vendor, the
     * partner's owner for the partner, and each side's executive sponsor only when the plan's signing
     * policy names sponsors. Contributors and viewers never bind their organisation.
     */
    public static boolean maySignFor(Side side, String planRole, SigningPolicy policy) {
        if (Roles.EXECUTIVE_SPONSOR.equals(planRole)) {
            return policy == SigningPolicy.SPONSORS_TOO;
        }
        return switch (side) {
            case VENDOR -> Roles.VENDOR_MANAGER.equals(planRole);
            case PARTNER -> Roles.PARTNER_OWNER.equals(planRole);
        };
    }

    /** The roles that sign for a side under a policy, for messages. */
    public static String signersOf(Side side, SigningPolicy policy) {
        String role = side == Side.VENDOR ? Roles.VENDOR_MANAGER : Roles.PARTNER_OWNER;
        return policy == SigningPolicy.SPONSORS_TOO ? role + " or " + Roles.EXECUTIVE_SPONSOR : role;
    }

    /** A proposed plan becomes agreed when both sides have signed it. */
    public static boolean agreedBy(Set<Side> signed) {
        return signed.containsAll(EnumSet.allOf(Side.class));
    }

    /** Sections are edited freely while drafting; once agreed, changes go through amendments. */
    public static boolean editable(PlanStatus status) {
        return status == PlanStatus.DRAFT || status == PlanStatus.PROPOSED;
    }
}
