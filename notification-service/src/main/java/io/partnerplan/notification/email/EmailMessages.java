package io.partnerplan.notification.email;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words around a notification in an email, per locale: English here, other languages in
 * {@code messages/email_<lang>.properties} (e.g. {@code email_de.properties}) with the same keys.
 */
@MessageBundle(value = "email", locale = "en")
public interface EmailMessages {

    @Message("Hello {name},")
    String greeting(String name);

    @Message("Open in PartnerPlan")
    String open();

    @Message("You receive this email because you are a member of a joint business plan in PartnerPlan.")
    String why();

    @Message("This is an automated message; replies are not read.")
    String noReply();
}
