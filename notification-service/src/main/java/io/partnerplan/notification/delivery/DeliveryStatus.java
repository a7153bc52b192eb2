package io.partnerplan.notification.delivery;

/** PENDING until sent; FAILED once its attempts are exhausted (the dead letters, which can be replayed). */
public enum DeliveryStatus {
    PENDING, SENT, FAILED
}
