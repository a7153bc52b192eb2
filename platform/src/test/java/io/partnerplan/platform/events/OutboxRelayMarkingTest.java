package io.partnerplan.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * After a round Kafka acknowledged only in part (a broker restarting mid-batch), the acknowledged
 * events are marked sent so consumers do not get them a second time; an event behind an unacknowledged
 * one of the same plan is sent again after it, so the plan's events still end in order.
 */
class OutboxRelayMarkingTest {

    private static final String TOPIC = "partnerplan.plan.events.v1";

    @Test
    void acknowledgedEventsAreMarkedAndOnlyTheOthersAreSentAgain() {
        OutboxEvent a1 = row("plan-a"), b1 = row("plan-b"), c1 = row("plan-c"), d1 = row("plan-d");

        List<UUID> marked = OutboxRelay.markable(List.of(a1, b1, c1, d1), List.of(true, false, true, true));

        assertEquals(List.of(a1.id, c1.id, d1.id), marked);
    }

    @Test
    void anAcknowledgedEventBehindAnUnacknowledgedOneOfTheSamePlanIsSentAgainAfterIt() {
        OutboxEvent a1 = row("plan-a"), b1 = row("plan-b"), a2 = row("plan-a"), b2 = row("plan-b");

        List<UUID> marked = OutboxRelay.markable(List.of(a1, b1, a2, b2), List.of(false, true, true, true));

        assertEquals(List.of(b1.id, b2.id), marked, "plan-a's second event waits for its first");
    }

    @Test
    void aFullyAcknowledgedBatchIsMarkedWhole() {
        List<OutboxEvent> rows = List.of(row("plan-a"), row("plan-a"), row("plan-b"));

        assertEquals(rows.stream().map(r -> r.id).toList(), OutboxRelay.markable(rows, List.of(true, true, true)));
    }

    private static OutboxEvent row(String aggregate) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = TOPIC;
        row.aggregateId = aggregate;
        return row;
    }
}
