package io.partnerplan.notification.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.notification.digest.Digests;
import io.partnerplan.notification.email.EmailChannel;
import io.partnerplan.notification.email.EmailContent;
import io.partnerplan.notification.inbox.Inbox;
import io.partnerplan.notification.preference.DeliverySettings;
import io.partnerplan.notification.preference.DigestFrequency;
import io.partnerplan.notification.preference.MemberSettings;
import io.partnerplan.notification.preference.PersonalChannel;
import io.partnerplan.notification.preference.Preferences;
import io.partnerplan.notification.recipient.Availabilities;
import io.partnerplan.notification.recipient.People;
import io.partnerplan.notification.recipient.PlanRecipient;
import io.partnerplan.notification.recipient.Recipients;
import io.partnerplan.notification.routing.DefaultRouting;
import io.partnerplan.notification.wording.Wording;
import io.partnerplan.platform.events.IncomingEvent;

/**
 * Tells people about one event on every channel they have and did not turn off for its type: the
 * in-app inbox, and email when a member copy knows their address; each in their own language.
 * A member who is away is stood in for by their delegate, and the message says on whose behalf.
 * Email waits for the end of the member's quiet hours, or for their digest if they chose one.
 * The recipients are merged first (a delegate who is also a direct recipient is one recipient), and
 * each channel deduplicates by (event, recipient), so a redelivered event adds nothing either.
 */
@ApplicationScoped
public class Notifier {

    private final Inbox inbox;
    private final EmailChannel email;
    private final Recipients recipients;
    private final Preferences preferences;
    private final Availabilities availabilities;
    private final MemberSettings settings;
    private final Digests digests;
    private final Clock clock;
    private final People people;

    public Notifier(Inbox inbox, EmailChannel email, Recipients recipients, Preferences preferences,
                    Availabilities availabilities, MemberSettings settings, Digests digests, Clock clock, People people) {
        this.people = people;
        this.settings = settings;
        this.digests = digests;
        this.inbox = inbox;
        this.email = email;
        this.recipients = recipients;
        this.preferences = preferences;
        this.availabilities = availabilities;
        this.clock = clock;
    }

    /** For a subject that may not (yet) be a known member of the plan, e.g. the drafter on plan.created. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(UUID planId, String subject, IncomingEvent event, Wording wording, String link) {
        notify(event, planId, List.of(subject), wording, link);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(PlanRecipient member, IncomingEvent event, Wording wording, String link) {
        notify(event, member.planId, List.of(member.subject), wording, link);
    }

    /**
     * Tells each of {@code subjects} (members of {@code planId}, usually), or their delegate while they
     * are away, in their language.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(IncomingEvent event, UUID planId, Collection<String> subjects, Wording wording, String link) {
        LocalDate today = LocalDate.now(clock);
        // recipient → the absent members they stand in for (empty: told for themselves)
        Map<String, List<Availabilities.Away>> to = new LinkedHashMap<>();
        for (String subject : subjects) {
            Optional<Availabilities.Away> away = availabilities.away(planId, subject, today);
            if (away.isPresent()) {
                to.computeIfAbsent(away.get().delegate(), d -> new ArrayList<>()).add(away.get());
            } else {
                to.computeIfAbsent(subject, s -> new ArrayList<>());
            }
        }
        to.forEach((subject, standingInFor) -> {
            Optional<PlanRecipient> member = member(planId, subject);
            Optional<People.Person> person = people.of(subject);
            Optional<DeliverySettings> own = settings.of(subject);
            String locale = own.map(DeliverySettings::locale).or(() -> person.map(People.Person::locale)).orElse(null);
            Wording.Text text = wording.in(locale);
            String body = text.body();
            for (Availabilities.Away away : standingInFor) {
                String name = people.of(away.subject()).map(People.Person::displayName)
                        .or(() -> member(planId, away.subject()).map(m -> m.displayName)).orElse(away.subject());
                body = Wording.message(locale, "delegated", Map.of("name", name, "until", away.until())) + "\n\n" + body;
            }
            String type = event.shortType();
            Preferences.Choices chosen = preferences.of(subject, type);
            if (DefaultRouting.mandatory(type) || chosen.allows(PersonalChannel.INBOX)) {
                inbox.deliver(subject, event.id(), type, text.title(), body, link);
            }
            if (member.isPresent() && person.isPresent() && chosen.allows(PersonalChannel.EMAIL)) {
                DigestFrequency frequency = DefaultRouting.mandatory(type) ? DigestFrequency.IMMEDIATE : chosen.emailFrequency();
                if (frequency != DigestFrequency.IMMEDIATE) {
                    digests.hold(subject, frequency, event.id(), type, text.title(), link);
                } else {
                    // Quiet hours hold the email back (the inbox item is there at once). They are judged on
                    // the clock (the recipient's day), but the delivery queue is claimed by the database's
                    // time: queue it after the same delay from the real now, or an email due by a clock that
                    // runs ahead (an e2e scenario) would wait until that date comes.
                    Instant now = clock.instant();
                    Duration held = own.flatMap(o -> o.quietHours().endAfter(now)).map(end -> Duration.between(now, end))
                            .orElse(Duration.ZERO);
                    Instant due = Instant.now().plus(held);
                    email.queue(person.get(), locale, event.id(), type,
                            new EmailContent(person.get().displayName(), text.title(), body, link, null, null), due);
                }
            }
        });
    }

    private Optional<PlanRecipient> member(UUID planId, String subject) {
        return recipients.member(planId, subject).or(() -> recipients.anyMembership(subject));
    }
}
