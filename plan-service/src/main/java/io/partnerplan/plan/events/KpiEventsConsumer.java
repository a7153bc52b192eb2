package io.partnerplan.plan.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnerplan.plan.milestone.Milestones;
import io.partnerplan.plan.review.KpiScorecards;
import io.partnerplan.platform.events.EventConsumer;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.events.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** kpi-service's verdicts on KPI criteria (kpi.criterion.*) move the milestones they belong to; its scorecards are kept for reviews. */
@EventConsumer
public class KpiEventsConsumer {

    static final String CONSUMER = "plan.kpi-events";

    private final ProcessedEvents processed;
    private final Milestones milestones;
    private final KpiScorecards scorecards;

    public KpiEventsConsumer(ProcessedEvents processed, Milestones milestones, KpiScorecards scorecards) {
        this.processed = processed;
        this.milestones = milestones;
        this.scorecards = scorecards;
    }

    @Incoming("kpi-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) {
        processed.once(CONSUMER, record, KpiEventsConsumer::used, this::handle);
    }

    /** The types {@link #handle} acts on; the others are acknowledged unread. */
    static boolean used(String type) {
        return type.startsWith("kpi.criterion.") || type.equals("kpi.scorecard.changed");
    }

    private void handle(IncomingEvent event) {
        if (event.shortType().startsWith("kpi.criterion.")) {
            milestones.criterionJudged(event);
        } else if (event.shortType().equals("kpi.scorecard.changed")) {
            scorecards.changed(event); // the KPI snapshot a held review keeps
        }
    }
}
