package io.partnerplan.plan.review;

import io.partnerplan.platform.events.EventType;

/** A review held, keyed by the plan (docs/events/README.md). */
public final class ReviewEvents {

    public static final EventType<ReviewHeld> COMPLETED = EventType.of("review.completed", "plan", ReviewHeld.class);

    private ReviewEvents() {
    }
}
