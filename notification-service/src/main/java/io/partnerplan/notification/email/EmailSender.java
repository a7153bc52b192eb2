package io.partnerplan.notification.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.notification.delivery.Deliveries;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Renders a queued email (HTML and plain text, in the member's language) and hands it to the SMTP server. */
@ApplicationScoped
public class EmailSender {

    private final ReactiveMailer mailer;
    private final Template html;
    private final Template text;
    private final ObjectMapper json;
    private final EmailConfig config;

    public EmailSender(ReactiveMailer mailer, @Location("email/notification.html") Template html,
                       @Location("email/notification.txt") Template text, ObjectMapper json, EmailConfig config) {
        this.mailer = mailer;
        this.html = html;
        this.text = text;
        this.json = json;
        this.config = config;
    }

    /**
     * Blocks until the SMTP server accepted the message; throws when it did not, or did not answer
     * within the send timeout (a server that accepts the connection and then hangs would otherwise hold
     * the dispatcher, and all mail behind it, for good).
     */
    public void send(Deliveries.Claimed delivery, String messageId) {
        EmailContent content;
        try {
            content = json.readValue(delivery.payload(), EmailContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("queued email " + delivery.id() + " is unreadable", e);
        }
        Mail mail = Mail.withHtml(delivery.address(), content.title(), render(html, content))
                .setText(render(text, content))
                // Lets a mail client or a support person trace the mail back to its delivery.
                .addHeader("X-PartnerPlan-Delivery", delivery.id().toString())
                .addHeader("Message-ID", messageId);
        mailer.send(mail).await().atMost(config.sendTimeout());
    }

    /**
     * The Message-ID of the email of one event to one recipient: the same for every attempt (and every
     * replica), so a copy the relay accepted after our timeout and the retry's copy are recognisably one email.
     */
    public static String messageId(Deliveries.Claimed delivery, EmailConfig config) {
        String key = delivery.tenantId() + "\n" + delivery.eventId() + "\n" + delivery.recipient();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + ".notification@" + config.messageIdDomain() + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String render(Template template, EmailContent content) {
        String link = content.link() == null ? null : config.linkBaseUrl().replaceAll("/+$", "") + content.link();
        TemplateInstance instance = template.data("name", content.name()).data("title", content.title())
                .data("body", content.body()).data("link", link).data("lang", content.locale())
                .data("items", content.items());
        return instance.setLocale(Locale.forLanguageTag(content.locale())).render();
    }
}
