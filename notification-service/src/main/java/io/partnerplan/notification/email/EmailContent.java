package io.partnerplan.notification.email;

/** What an email says, queued with the delivery and rendered through the templates when sent. */
public record EmailContent(String name, String title, String body, String link, String locale) {
}
