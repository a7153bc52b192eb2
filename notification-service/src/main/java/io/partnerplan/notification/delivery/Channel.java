package io.partnerplan.notification.delivery;

/** The channels whose sending can fail and is therefore queued in the delivery table. */
public enum Channel {
    EMAIL, WEBHOOK
}
