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
     * Who may sign for a side: the vendor's manager or sponsor for the vendor, the partner's owner or
     * sponsor for the partner. Contributors and viewers never bind their organisation.
     */
    public static boolean maySignFor(Side side, Set<String> roles) {
        return switch (side) {
            case VENDOR -> roles.contains(Roles.VENDOR_MANAGER) || roles.contains(Roles.EXECUTIVE_SPONSOR);
            case PARTNER -> roles.contains(Roles.PARTNER_OWNER) || roles.contains(Roles.EXECUTIVE_SPONSOR);
        };
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
