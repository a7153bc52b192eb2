package io.partnerplan.notification.preference;

/** The channels a member chooses for themselves (webhooks are the tenant's, not a person's). */
public enum PersonalChannel {
    INBOX, EMAIL
}
