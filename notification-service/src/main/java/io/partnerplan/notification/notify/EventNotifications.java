package io.partnerplan.notification.notify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.notification.recipient.KnownPlan;
import io.partnerplan.notification.recipient.PlanRecipient;
import io.partnerplan.notification.recipient.Recipients;
import io.partnerplan.notification.routing.DefaultRouting;
import io.partnerplan.notification.routing.RoutingRules;
import io.partnerplan.notification.wording.Wording;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.security.Roles;

/**
 * Every notification about an event: who hears it ({@link DefaultRouting}: the tenant's routing rules
 * for milestones, investments, escalations, amendments, renewals, reviews held, periods closing and
 * targets missed, and for escalations the recipients the event names; the people the plan's
 * lifecycle, memberships, overdue actions and reviews coming due concern) and what they read.
 */
@ApplicationScoped
public class EventNotifications {

    private final Notifier notifier;
    private final Recipients recipients;
    private final RoutingRules routing;

    public EventNotifications(Notifier notifier, Recipients recipients, RoutingRules routing) {
        this.notifier = notifier;
        this.recipients = recipients;
        this.routing = routing;
    }

    /** Whether this class tells anyone about the event type. */
    public static boolean handles(String eventType) {
        return DefaultRouting.notifies(eventType);
    }

    /**
     * Tells the people the event concerns ({@link DefaultRouting}), after the consumer brought this
     * service's copies (plans, members, people) up to date; nothing for a type nobody hears of.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void on(IncomingEvent event) {
        String type = event.shortType();
        Optional<DefaultRouting.Audience> audience = DefaultRouting.audience(type);
        if (audience.isPresent()) {
            concerned(event, audience.get());
            return;
        }
        if (!DefaultRouting.routes(type)) {
            return;
        }
        if (type.equals("period.closing")) {
            periodClosing(event);
            return;
        }
        if (type.equals("availability.conflict")) {
            availabilityConflict(event);
            return;
        }
        // A plan this service never heard of has no members to tell: nothing to do, nothing lost.
        KnownPlan plan = recipients.plan(event.uuid("planId")).orElse(null);
        if (plan == null) {
            return;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("plan", plan.title);
        String link = "/api/v1/plans/" + plan.planId;
        JsonNode data = event.data();
        Set<String> extra = new LinkedHashSet<>();
        String wordingKey = type;
        switch (type) {
            case "milestone.at-risk", "milestone.missed", "milestone.achieved" -> {
                p.put("milestone", event.text("title"));
                p.put("dueOn", text(data, "dueOn"));
                link = link + "/milestones/" + event.uuid("id");
            }
            case "investment.unlocked" -> {
                p.put("investment", event.text("title"));
                p.put("amount", text(data, "amount"));
                p.put("currency", text(data, "currency"));
                link = link + "/investments/" + event.uuid("id");
            }
            case "escalation.raised", "escalation.climbed", "escalation.acknowledged", "escalation.resolved" -> {
                int level = data.path("level").asInt(1);
                p.put("escalation", event.text("title"));
                p.put("level", level);
                p.put("levels", text(data, "levels"));
                p.put("acknowledgeBy", text(data, "acknowledgeBy"));
                String by = type.equals("escalation.resolved") ? text(data, "resolvedBy") : text(data, "acknowledgedBy");
                p.put("by", by == null ? event.actor() : name(plan.planId, by));
                data.path("recipients").forEach(r -> extra.add(r.asText()));
                Set<String> roles = new LinkedHashSet<>();
                data.path("roles").forEach(r -> roles.add(r.asText()));
                if (DefaultRouting.sponsorsJoin(type, level)) {
                    roles.add(Roles.EXECUTIVE_SPONSOR);
                }
                recipients.ofPlan(plan.planId).stream().filter(m -> roles.contains(m.role)).forEach(m -> extra.add(m.subject));
                link = link + "/escalations/" + event.uuid("escalationId");
            }
            case "plan.amendment-proposed", "plan.amended", "plan.amendment-rejected", "plan.amendment-withdrawn" -> {
                p.put("by", name(plan.planId, text(data, "proposedBy")));
                p.put("reason", text(data, "reason"));
                p.put("fromVersion", text(data, "fromVersion"));
                p.put("toVersion", text(data, "toVersion"));
                p.put("decidedBy", name(plan.planId, text(data, type.endsWith("rejected") ? "rejectedBy" : "withdrawnBy")));
                p.put("why", text(data, type.endsWith("rejected") ? "rejectionReason" : "withdrawalReason"));
                if (!type.equals("plan.amendment-proposed")) {
                    String proposer = text(data, "proposedBy");
                    if (proposer != null) {
                        extra.add(proposer); // whoever proposed it hears what became of it, whatever their role
                    }
                }
                link = link + "/amendments/" + event.uuid("amendmentId");
            }
            case "plan.renewed" -> {
                p.put("carried", data.path("carriedActionIds").size());
                link = "/api/v1/plans/" + event.uuid("successorPlanId");
            }
            case "review.completed" -> {
                p.put("heldOn", event.text("heldOn"));
                p.put("decisions", data.path("decisions").size());
                p.put("actions", data.path("actionIds").size());
                link = link + "/reviews/" + event.uuid("reviewId");
            }
            case "fund.requested", "fund.level-approved", "fund.approved", "fund.rejected", "fund.withdrawn" -> {
                p.put("fund", event.text("title"));
                p.put("amount", text(data, type.equals("fund.approved") ? "approvedAmount" : "requestedAmount"));
                p.put("currency", text(data, "currency"));
                p.put("requested", text(data, "requestedAmount"));
                p.put("by", name(plan.planId, text(data, "requestedBy")));
                p.put("level", text(data, "awaitingLevel"));
                p.put("levels", data.path("levels").size());
                JsonNode decisions = data.path("decisions");
                JsonNode last = decisions.isArray() && !decisions.isEmpty() ? decisions.get(decisions.size() - 1) : null;
                p.put("reason", last == null ? null : text(last, "reason"));
                p.put("decidedBy", last == null ? null : name(plan.planId, text(last, "decidedBy")));
                String requester = text(data, "requestedBy");
                if (requester != null && !type.equals("fund.requested") && !type.equals("fund.withdrawn")) {
                    extra.add(requester); // whoever asked hears what became of it, whatever their role
                }
                link = link + "/fund-requests/" + event.uuid("id");
                if (type.equals("fund.approved") && !java.util.Objects.equals(p.get("amount"), p.get("requested"))) {
                    wordingKey = "fund.approved.partial";
                }
            }
            case "kpi.target.missed" -> {
                p.put("kpi", event.text("kpi"));
                p.put("period", event.text("period"));
                p.put("target", text(data, "target"));
                p.put("actual", text(data, "actual"));
                p.put("attainment", text(data, "attainment"));
                link = link + "/scorecard";
            }
            default -> throw new IllegalArgumentException("not routed: " + type);
        }
        Set<String> to = byRoles(plan.planId, type, event.actor());
        to.addAll(extra);
        to.remove(event.actor()); // nobody needs telling what they just did themselves
        notifier.notify(event, plan.planId, to, Wording.of(wordingKey, p), link);
    }

    /** The members of every open plan of the partnership whose roles hear period.closing. */
    private void periodClosing(IncomingEvent event) {
        JsonNode data = event.data();
        Map<String, Object> p = new HashMap<>();
        p.put("label", event.text("label"));
        p.put("periodEnd", event.text("periodEnd"));
        p.put("days", data.path("daysUntilEnd").asLong());
        for (KnownPlan plan : recipients.openPlansOf(event.uuid("vendorOrganisationId"), event.uuid("partnerOrganisationId"))) {
            p.put("plan", plan.title);
            // Someone in several of the partnership's plans is told once: the inbox and the email queue
            // keep one notification per event and recipient, the first plan's.
            notifier.notify(event, plan.planId, byRoles(plan.planId, "period.closing", null), Wording.of("period.closing", p),
                    "/api/v1/plans/" + plan.planId);
        }
    }

    /**
     * Someone of either side will be away in a closing window: the owners of every open plan of the
     * partnership (both sides) hear it ahead, with the delegate named, once per plan's first notice.
     */
    private void availabilityConflict(IncomingEvent event) {
        JsonNode data = event.data();
        String subject = event.text("subject");
        String delegate = text(data, "delegateSubject");
        for (KnownPlan plan : recipients.openPlansOf(event.uuid("vendorOrganisationId"), event.uuid("partnerOrganisationId"))) {
            Map<String, Object> p = new HashMap<>();
            p.put("plan", plan.title);
            p.put("person", name(plan.planId, subject));
            p.put("delegate", name(plan.planId, delegate));
            p.put("awayFrom", text(data, "awayFrom"));
            p.put("awayTo", text(data, "awayTo"));
            p.put("label", text(data, "label"));
            p.put("closingFrom", text(data, "closingFrom"));
            p.put("periodEnd", text(data, "periodEnd"));
            String scope = text(data, "scope");
            Wording wording = tag -> {
                Map<String, Object> in = new HashMap<>(p);
                in.put("whose", Wording.word(tag, "availability.conflict.scope." + scope, scope));
                return Wording.of("availability.conflict", in).in(tag);
            };
            notifier.notify(event, plan.planId, byRoles(plan.planId, "availability.conflict", null), wording,
                    "/api/v1/partnerships/" + event.uuid("vendorOrganisationId") + "/" + event.uuid("partnerOrganisationId")
                            + "/away-in-closing-windows?from=" + text(data, "closingFrom") + "&to=" + text(data, "periodEnd"));
        }
    }

    /** The people an event of the plan's lifecycle, membership, actions or reviews concerns, each told on their own. */
    private void concerned(IncomingEvent event, DefaultRouting.Audience audience) {
        // A plan this service never heard of has no members to tell: nothing to do, nothing lost.
        KnownPlan plan = recipients.plan(planId(event)).orElse(null);
        if (plan == null) {
            return;
        }
        List<String> to = switch (audience) {
            case DRAFTER -> List.of(event.text("createdBy"));
            case EVERY_MEMBER_BUT_ACTOR -> everyoneBut(plan, event.actor());
            case EVERY_MEMBER -> everyoneBut(plan, null);
            case SIGNERS_AWAITED -> signersAwaited(event, plan);
            case NEW_MEMBER -> event.text("subject").equals(event.actor())
                    ? List.of() // nobody needs telling that they added themselves (the drafter is added on creation)
                    : List.of(event.text("subject"));
            case OWNER_AND_VENDOR_MANAGERS -> ownerAndVendorManagers(event, plan);
        };
        Wording wording = wording(event, plan);
        String link = event.shortType().startsWith("review.") ? "/api/v1/review-schedules/" + plan.planId
                : "/api/v1/plans/" + plan.planId;
        for (String subject : to) {
            notifier.tell(plan.planId, subject, event, wording, link);
        }
    }

    /** What the people an event concerns read. */
    private static Wording wording(IncomingEvent event, KnownPlan plan) {
        String type = event.shortType();
        Map<String, Object> p = new HashMap<>();
        p.put("plan", plan.title);
        switch (type) {
            case "plan.created" -> {
                p.put("partner", event.text("partnerName"));
                p.put("horizonStart", event.text("horizonStart"));
                p.put("horizonEnd", event.text("horizonEnd"));
            }
            case "plan.signed-off" -> {
                return Wording.of("plan.signed-off." + (signed(event, "VENDOR") ? "vendor" : "partner"), p);
            }
            case "member.added" -> {
                String role = event.text("role");
                return tag -> {
                    Map<String, Object> in = new HashMap<>(p);
                    in.put("role", Wording.word(tag, "role." + role, role));
                    return Wording.of("member.added", in).in(tag);
                };
            }
            case "action.overdue" -> {
                p.put("action", event.text("title"));
                p.put("dueOn", event.text("dueOn"));
            }
            case "review.due", "review.overdue" -> {
                return review(event, p);
            }
            default -> {
            }
        }
        return Wording.of(type, p);
    }

    private static Wording review(IncomingEvent event, Map<String, Object> p) {
        long days = event.data().path("daysUntilDue").asLong();
        p.put("dueOn", event.text("dueOn"));
        p.put("days", days);
        boolean overdue = event.shortType().equals("review.overdue");
        String title = overdue ? "review.overdue.title"
                : days <= 0 ? "review.due.today.title" : days == 1 ? "review.due.tomorrow.title" : "review.due.title";
        String body = overdue || days < 0 ? "review.overdue.body" : "review.due.body";
        return tag -> new Wording.Text(Wording.message(tag, title, p), Wording.message(tag, body, p));
    }

    /** plan.signed-off: the signers of the side the plan still waits for; nobody when both or neither signed. */
    private List<String> signersAwaited(IncomingEvent event, KnownPlan plan) {
        boolean vendorSigned = signed(event, "VENDOR");
        boolean partnerSigned = signed(event, "PARTNER");
        if (vendorSigned == partnerSigned) {
            return List.of();
        }
        String waiting = vendorSigned ? "PARTNER" : "VENDOR";
        Set<String> signers = DefaultRouting.signers(waiting);
        return recipients.ofPlan(plan.planId).stream()
                .filter(r -> r.side.equals(waiting) && signers.contains(r.role))
                .map(r -> r.subject).toList();
    }

    private static boolean signed(IncomingEvent event, String side) {
        for (JsonNode signOff : event.data().path("signOffs")) {
            if (side.equals(signOff.path("side").asText())) {
                return true;
            }
        }
        return false;
    }

    /** action.overdue: the owner, and the vendor's managers (the first step of the escalation path). */
    private List<String> ownerAndVendorManagers(IncomingEvent event, KnownPlan plan) {
        String owner = event.text("owner");
        List<String> to = new ArrayList<>(List.of(owner));
        recipients.ofPlan(plan.planId).stream()
                .filter(r -> r.role.equals(Roles.VENDOR_MANAGER) && !r.subject.equals(owner))
                .forEach(r -> to.add(r.subject));
        return to;
    }

    private List<String> everyoneBut(KnownPlan plan, String actor) {
        return recipients.ofPlan(plan.planId).stream().map(r -> r.subject).filter(s -> !s.equals(actor)).toList();
    }

    /** plan.created carries the plan's id as {@code planId}, the other plan.* events as {@code id}. */
    private static UUID planId(IncomingEvent event) {
        return event.uuid(event.data().has("planId") ? "planId" : "id");
    }

    /** Members whose role hears the type in this tenant; not the one who caused it. */
    private Set<String> byRoles(UUID planId, String type, String actor) {
        Set<String> roles = routing.roles(type);
        Set<String> to = new LinkedHashSet<>();
        for (PlanRecipient member : recipients.ofPlan(planId)) {
            if (roles.contains(member.role) && !member.subject.equals(actor)) {
                to.add(member.subject);
            }
        }
        return to;
    }

    private String name(UUID planId, String subject) {
        if (subject == null) {
            return null;
        }
        return recipients.member(planId, subject).map(m -> m.displayName).orElse(subject);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
