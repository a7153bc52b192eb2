package io.partnerplan.notification.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.notification.notify.EventNotifications;
import io.partnerplan.notification.notify.Notifier;
import io.partnerplan.notification.wording.Wording;
import io.partnerplan.notification.recipient.KnownPlan;
import io.partnerplan.notification.recipient.People;
import io.partnerplan.notification.recipient.PlanRecipient;
import io.partnerplan.notification.recipient.Recipients;
import io.partnerplan.notification.webhook.WebhookChannel;
import io.partnerplan.platform.events.EventConsumer;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.events.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** plan-service's events: keep the plan, member and person copies current, and tell the people concerned. */
@EventConsumer
public class PlanEventsConsumer {

    private static final Logger LOG = Logger.getLogger(PlanEventsConsumer.class);
    static final String CONSUMER = "notification.plan-events";
    /** Who may sign for each side (plan-service's rule); they are the ones a pending signature concerns. */
    private static final Set<String> VENDOR_SIGNERS = Set.of("vendor-manager", "executive-sponsor");
    private static final Set<String> PARTNER_SIGNERS = Set.of("partner-owner", "executive-sponsor");

    private final ProcessedEvents processed;
    private final Notifier notifier;
    private final Recipients recipients;
    private final WebhookChannel webhooks;
    private final EventNotifications notifications;
    private final People people;

    public PlanEventsConsumer(ProcessedEvents processed, Notifier notifier, Recipients recipients,
                         WebhookChannel webhooks, EventNotifications notifications, People people) {
        this.people = people;
        this.notifications = notifications;
        this.processed = processed;
        this.notifier = notifier;
        this.recipients = recipients;
        this.webhooks = webhooks;
    }

    @Incoming("plan-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, this::handle);
    }

    private void handle(IncomingEvent event) {
        switch (event.shortType()) {
            case "plan.created" -> planCreated(event, recipients.remember(event));
            case "plan.updated", "plan.returned-to-draft", "plan.activated", "plan.closed" ->
                    recipients.remember(event);
            case "plan.proposed" -> {
                KnownPlan plan = recipients.remember(event);
                tell(event, plan, everyoneBut(plan, event.actor()), Wording.of("plan.proposed", Map.of("plan", plan.title)));
            }
            case "plan.signed-off" -> signedOff(event, recipients.remember(event));
            case "plan.agreed" -> {
                KnownPlan plan = recipients.remember(event);
                tell(event, plan, everyoneBut(plan, null), Wording.of("plan.agreed", Map.of("plan", plan.title)));
            }
            case "person.upserted" -> people.learn(event);
            case "member.added" -> memberAdded(event);
            case "action.overdue" -> actionOverdue(event);
            case "member.removed" -> recipients.removed(event);
            default -> {
                if (EventNotifications.handles(event.shortType())) {
                    notifications.on(event);
                } else {
                    LOG.debugf("No notification for %s", event.type());
                }
            }
        }
        // PRM/CRM subscribers get every event type they chose, people or not; after the plan copy above is
        // current, which decides what an organisation's subscription receives (plan.created included).
        webhooks.fanOut(event);
    }

    private void planCreated(IncomingEvent event, KnownPlan plan) {
        Map<String, Object> params = new HashMap<>();
        params.put("plan", plan.title);
        params.put("partner", event.text("partnerName"));
        params.put("horizonStart", event.text("horizonStart"));
        params.put("horizonEnd", event.text("horizonEnd"));
        notifier.tell(plan.planId, event.text("createdBy"), event, Wording.of("plan.created", params), link(plan.planId));
    }

    /** Tells the other side's signers that their signature is what the plan waits for. */
    private void signedOff(IncomingEvent event, KnownPlan plan) {
        boolean vendorSigned = false;
        boolean partnerSigned = false;
        for (JsonNode signOff : event.data().path("signOffs")) {
            vendorSigned |= "VENDOR".equals(signOff.path("side").asText());
            partnerSigned |= "PARTNER".equals(signOff.path("side").asText());
        }
        if (vendorSigned == partnerSigned) {
            return;
        }
        String waiting = vendorSigned ? "PARTNER" : "VENDOR";
        Set<String> signers = vendorSigned ? PARTNER_SIGNERS : VENDOR_SIGNERS;
        List<String> to = recipients.ofPlan(plan.planId).stream()
                .filter(r -> r.side.equals(waiting) && signers.contains(r.role))
                .map(r -> r.subject).toList();
        tell(event, plan, to, Wording.of("plan.signed-off." + (vendorSigned ? "vendor" : "partner"), Map.of("plan", plan.title)));
    }

    private void memberAdded(IncomingEvent event) {
        PlanRecipient member = recipients.added(event);
        if (member.subject.equals(event.actor())) {
            return; // nobody needs telling that they added themselves (the drafter is added on creation)
        }
        recipients.plan(member.planId).ifPresent(plan -> notifier.tell(member, event, tag -> Wording.of("member.added",
                Map.of("plan", plan.title, "role", Wording.word(tag, "role." + member.role, member.role))).in(tag),
                link(plan.planId)));
    }

    /** The owner is told, and so is the vendor's manager: the first step of the escalation path. */
    private void actionOverdue(IncomingEvent event) {
        KnownPlan plan = recipients.plan(event.uuid("planId")).orElse(null);
        if (plan == null) {
            return;
        }
        String owner = event.text("owner");
        List<String> to = new java.util.ArrayList<>(List.of(owner));
        recipients.ofPlan(plan.planId).stream()
                .filter(r -> r.role.equals("vendor-manager") && !r.subject.equals(owner))
                .forEach(r -> to.add(r.subject));
        Map<String, Object> params = new HashMap<>();
        params.put("action", event.text("title"));
        params.put("plan", plan.title);
        params.put("dueOn", event.text("dueOn"));
        tell(event, plan, to, Wording.of("action.overdue", params));
    }

    private List<String> everyoneBut(KnownPlan plan, String actor) {
        return recipients.ofPlan(plan.planId).stream().map(r -> r.subject).filter(s -> !s.equals(actor)).toList();
    }

    private void tell(IncomingEvent event, KnownPlan plan, List<String> subjects, Wording wording) {
        for (String subject : subjects) {
            notifier.tell(plan.planId, subject, event, wording, link(plan.planId));
        }
    }

    private static String link(UUID plan) {
        return "/api/v1/plans/" + plan;
    }
}
