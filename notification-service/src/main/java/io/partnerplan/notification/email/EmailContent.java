package io.partnerplan.notification.email;

import java.util.List;

/**
 * What an email says, queued with the delivery and rendered through the templates when sent;
 * {@code items}: the lines of a digest (null for a single notification).
 */
public record EmailContent(String name, String title, String body, String link, String locale, List<String> items) {
}
