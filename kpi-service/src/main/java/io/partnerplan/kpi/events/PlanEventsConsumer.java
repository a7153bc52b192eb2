package io.partnerplan.kpi.events;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.kpi.criterion.Criteria;
import io.partnerplan.kpi.plan.TrackedPlan;
import io.partnerplan.kpi.target.Targets;
import io.partnerplan.platform.events.EventConsumer;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.events.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps {@link TrackedPlan} in step with plan-service (every plan event carries the plan's header) and
 * the milestones' KPI criteria with their milestone events.
 */
@EventConsumer
public class PlanEventsConsumer {

    static final String CONSUMER = "kpi.plan-events";

    /** The plan events whose data is the plan's header (docs/events/README.md). */
    static final Set<String> WITH_PLAN_HEADER = Set.of("plan.created", "plan.updated", "plan.proposed",
            "plan.returned-to-draft", "plan.signed-off", "plan.agreed", "plan.activated", "plan.closed");

    private final ProcessedEvents processed;
    private final EntityManager em;
    private final Criteria criteria;
    private final Targets targets;
    private final Clock clock;

    public PlanEventsConsumer(ProcessedEvents processed, EntityManager em, Criteria criteria, Targets targets, Clock clock) {
        this.targets = targets;
        this.processed = processed;
        this.em = em;
        this.criteria = criteria;
        this.clock = clock;
    }

    @Incoming("plan-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, PlanEventsConsumer::used, this::handle);
    }

    /** The types {@link #handle} acts on (keep the two in step); member.* and the like are acknowledged unread. */
    static boolean used(String type) {
        return type.startsWith("milestone.") || type.equals("plan.objectives-agreed") || type.equals("plan.renewed")
                || WITH_PLAN_HEADER.contains(type);
    }

    /**
     * What this service reads of a plan event's header: plan.created carries the plan's id as
     * {@code planId} (and the partner's name), the other plan.* events carry the plan with {@code id}.
     */
    record PlanHeader(UUID id, UUID planId, UUID vendorOrganisationId, UUID partnerOrganisationId, LocalDate horizonStart,
                      LocalDate horizonEnd, String title, String partnerName, String status) {
        PlanHeader {
            IncomingEvent.required(planId == null ? id : planId, "id");
            IncomingEvent.required(vendorOrganisationId, "vendorOrganisationId");
            IncomingEvent.required(partnerOrganisationId, "partnerOrganisationId");
            IncomingEvent.required(horizonStart, "horizonStart");
            IncomingEvent.required(horizonEnd, "horizonEnd");
        }

        UUID plan() {
            return planId == null ? id : planId;
        }
    }

    private void handle(IncomingEvent event) {
        String type = event.shortType();
        if (type.startsWith("milestone.") && event.data().has("criteria")) {
            criteria.milestoneChanged(event.data(), "milestone.deleted".equals(type), LocalDate.now(clock));
            return;
        }
        if ("plan.objectives-agreed".equals(type)) {
            // The objectives both sides agreed (on signing, and after each accepted amendment) are the targets.
            JsonNode objectives = event.data().path("objectives");
            if (objectives.isArray()) {
                targets.followAmendment(event.uuid("planId"), objectives, event.actor());
            }
            return;
        }
        if ("plan.renewed".equals(type)) {
            // The successor takes over; the renewed plan's criteria are no longer judged (plan-service ignores
            // verdicts on it too). It carries no plan header, only which plan it was.
            TrackedPlan renewed = em.find(TrackedPlan.class, event.uuid("planId"));
            if (renewed != null) {
                renewed.status = "RENEWED";
            }
            return;
        }
        if (!WITH_PLAN_HEADER.contains(type)) {
            return; // member.*, plan.amendment-*... carry no plan header
        }
        PlanHeader header = event.dataAs(PlanHeader.class);
        UUID id = header.plan();
        TrackedPlan plan = em.find(TrackedPlan.class, id);
        boolean fresh = plan == null;
        if (fresh) {
            plan = new TrackedPlan();
            plan.planId = id;
            plan.status = "DRAFT";
        }
        plan.vendorOrganisationId = header.vendorOrganisationId();
        plan.partnerOrganisationId = header.partnerOrganisationId();
        plan.horizonStart = header.horizonStart();
        plan.horizonEnd = header.horizonEnd();
        if (header.title() != null) {
            plan.title = header.title();
        }
        if (header.partnerName() != null) {
            plan.partnerName = header.partnerName();
        }
        String before = plan.status;
        if (header.status() != null) {
            plan.status = header.status();
        }
        if (fresh) {
            em.persist(plan);
        }
        if (Criteria.NOT_IN_EFFECT.contains(before) && !Criteria.NOT_IN_EFFECT.contains(plan.status)) {
            em.flush(); // the criteria query reads the plan's new status
            criteria.planInEffect(id, LocalDate.now(clock));
        }
    }
}
