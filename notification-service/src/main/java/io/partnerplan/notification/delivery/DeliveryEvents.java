package io.partnerplan.notification.delivery;

import io.partnerplan.platform.events.EventType;

/** What became of each email and webhook delivery, keyed by the delivery (docs/events/README.md). */
public final class DeliveryEvents {

    public static final EventType<Deliveries.Delivered> DELIVERED = EventType.of("notification.delivered", "delivery", Deliveries.Delivered.class);
    public static final EventType<Deliveries.Failed> FAILED = EventType.of("notification.failed", "delivery", Deliveries.Failed.class);

    private DeliveryEvents() {
    }
}
