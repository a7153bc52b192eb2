package io.partnerplan.notification.preference;

/** When an email notification goes out: at once, or in the member's daily or weekly digest. */
public enum DigestFrequency {
    IMMEDIATE, DAILY, WEEKLY
}
