package io.partnerplan.notification.routing;

import static io.partnerplan.platform.security.Roles.CONTRIBUTOR;
import static io.partnerplan.platform.security.Roles.EXECUTIVE_SPONSOR;
import static io.partnerplan.platform.security.Roles.PARTNER_OWNER;
import static io.partnerplan.platform.security.Roles.VENDOR_MANAGER;
import static io.partnerplan.platform.security.Roles.VIEWER;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who hears which event type: every audience rule of notification-service, in one place.
 * <ul>
 * <li>By role ({@link #roles}): which plan roles hear the type unless a tenant changed it, the
 * product's default. Escalations also reach the subjects and roles the event itself names (the
 * current level of its path), and the executive sponsors once an escalation climbed to level 2 or
 * higher; that part is not configurable, an escalation must reach whom its path says.</li>
 * <li>By what happened ({@link #audience}): the plan's own lifecycle, memberships, overdue actions and
 * reviews coming due reach the people the event concerns (the drafter, the signers a plan waits for,
 * the new member, ...), not configurable per tenant.</li>
 * </ul>
 * {@code notify/EventNotifications} tells them; the consumers only dispatch to it.
 */
public final class DefaultRouting {

    public static final Set<String> PLAN_ROLES = Set.of(VENDOR_MANAGER, PARTNER_OWNER, CONTRIBUTOR, VIEWER, EXECUTIVE_SPONSOR);
    private static final Set<String> EVERYONE = PLAN_ROLES;
    private static final Set<String> OWNERS = Set.of(VENDOR_MANAGER, PARTNER_OWNER);
    private static final Set<String> OWNERS_AND_SPONSORS = Set.of(VENDOR_MANAGER, PARTNER_OWNER, EXECUTIVE_SPONSOR);

    private static final Map<String, Set<String>> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("milestone.at-risk", OWNERS);
        ROLES.put("milestone.missed", OWNERS);
        ROLES.put("milestone.achieved", EVERYONE);
        ROLES.put("investment.unlocked", OWNERS_AND_SPONSORS);
        // The event's recipients and roles decide; nobody else by default.
        ROLES.put("escalation.raised", Set.of());
        ROLES.put("escalation.climbed", Set.of());
        ROLES.put("escalation.acknowledged", Set.of());
        ROLES.put("escalation.resolved", Set.of());
        ROLES.put("plan.amendment-proposed", OWNERS_AND_SPONSORS);
        ROLES.put("plan.amended", EVERYONE);
        // Every decision on an amendment reaches both sides' owners and sponsors; the proposer hears it too (EventNotifications).
        ROLES.put("plan.amendment-rejected", OWNERS_AND_SPONSORS);
        ROLES.put("plan.amendment-withdrawn", OWNERS_AND_SPONSORS);
        ROLES.put("plan.renewed", EVERYONE);
        ROLES.put("review.completed", EVERYONE);
        ROLES.put("period.closing", OWNERS);
        // Announced ahead: both sides' owners arrange the handover to the delegate.
        ROLES.put("availability.conflict", OWNERS);
        ROLES.put("kpi.target.missed", OWNERS_AND_SPONSORS);
        // Funds: the vendor's manager decides (the sponsor at higher levels), both owners hear the outcome; the requester
        // hears every decision on their request too (EventNotifications).
        ROLES.put("fund.requested", OWNERS);
        ROLES.put("fund.level-approved", Set.of(VENDOR_MANAGER, EXECUTIVE_SPONSOR));
        ROLES.put("fund.approved", OWNERS);
        ROLES.put("fund.rejected", OWNERS);
        ROLES.put("fund.withdrawn", Set.of(VENDOR_MANAGER));
    }

    /** Whom an event that is not routed by role concerns. */
    public enum Audience {
        /** plan.created: the one who drafted the plan ({@code createdBy}), though they caused it. */
        DRAFTER,
        /** Every member of the plan but the one who caused it. */
        EVERY_MEMBER_BUT_ACTOR,
        /** Every member of the plan. */
        EVERY_MEMBER,
        /** plan.signed-off: the signers of the side that has not signed yet ({@link #signers}). */
        SIGNERS_AWAITED,
        /** member.added: the new member, unless they added themselves. */
        NEW_MEMBER,
        /** action.overdue: its owner and the plan's vendor managers (the first step of the escalation path). */
        OWNER_AND_VENDOR_MANAGERS
    }

    private static final Map<String, Audience> AUDIENCES = Map.of(
            "plan.created", Audience.DRAFTER,
            "plan.proposed", Audience.EVERY_MEMBER_BUT_ACTOR,
            "plan.signed-off", Audience.SIGNERS_AWAITED,
            "plan.agreed", Audience.EVERY_MEMBER,
            "member.added", Audience.NEW_MEMBER,
            "action.overdue", Audience.OWNER_AND_VENDOR_MANAGERS,
            "review.due", Audience.EVERY_MEMBER,
            "review.overdue", Audience.EVERY_MEMBER);

    /** Who may sign for each side (plan-service's rule): the ones a pending signature concerns. */
    private static final Set<String> VENDOR_SIGNERS = Set.of(VENDOR_MANAGER, EXECUTIVE_SPONSOR);
    private static final Set<String> PARTNER_SIGNERS = Set.of(PARTNER_OWNER, EXECUTIVE_SPONSOR);

    /** An escalation that is raised or climbs must reach someone: nobody opts out of hearing it in the inbox. */
    public static final Set<String> MANDATORY = Set.of("escalation.raised", "escalation.climbed");

    private DefaultRouting() {
    }

    /** The event types routed by role (and so configurable per tenant), in a stable order. */
    public static Set<String> eventTypes() {
        return new TreeSet<>(ROLES.keySet());
    }

    public static boolean routes(String eventType) {
        return ROLES.containsKey(eventType);
    }

    /** Whether anyone is told about the type at all (by role or by what happened). */
    public static boolean notifies(String eventType) {
        return ROLES.containsKey(eventType) || AUDIENCES.containsKey(eventType);
    }

    /** The audience of a type not routed by role. */
    public static Optional<Audience> audience(String eventType) {
        return Optional.ofNullable(AUDIENCES.get(eventType));
    }

    /** The roles that sign for {@code side} ({@code VENDOR} or {@code PARTNER}). */
    public static Set<String> signers(String side) {
        return "VENDOR".equals(side) ? VENDOR_SIGNERS : PARTNER_SIGNERS;
    }

    /** @return the default roles, empty for a type routed only by its event's own recipients */
    public static Set<String> roles(String eventType) {
        Set<String> roles = ROLES.get(eventType);
        if (roles == null) {
            throw new IllegalArgumentException("no routing for " + eventType);
        }
        return roles;
    }

    public static boolean isEscalation(String eventType) {
        return eventType.startsWith("escalation.");
    }

    /** Executive sponsors join an escalation from its second level on. */
    public static boolean sponsorsJoin(String eventType, int level) {
        return isEscalation(eventType) && level >= 2;
    }

    public static boolean mandatory(String eventType) {
        return MANDATORY.contains(eventType);
    }
}
