package io.partnerplan.notification.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.notification.email.EmailChannel;
import io.partnerplan.notification.email.EmailContent;
import io.partnerplan.notification.wording.Wording;
import io.partnerplan.notification.preference.DeliverySettings;
import io.partnerplan.notification.preference.DigestFrequency;
import io.partnerplan.notification.preference.MemberSettings;
import io.partnerplan.notification.recipient.People;
import io.partnerplan.notification.recipient.PlanRecipient;
import io.partnerplan.notification.recipient.Recipients;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.security.Caller;

/**
 * Email notifications a member wants in a digest wait here (the inbox item was created at once) until
 * their digest time; then one email summarises the period's items. digest_run's key (member, period)
 * makes one replica, and one only, send each digest.
 */
@ApplicationScoped
public class Digests {

    /** A member with items waiting for a digest of one frequency. */
    public record Waiting(String tenantId, String subject, DigestFrequency frequency) {
    }

    private final EntityManager em;
    private final Caller caller;
    private final MemberSettings settings;
    private final Recipients recipients;
    private final EmailChannel email;
    private final Clock clock;
    private final People people;

    public Digests(EntityManager em, Caller caller, MemberSettings settings, Recipients recipients, EmailChannel email,
                   Clock clock, People people) {
        this.people = people;
        this.em = em;
        this.caller = caller;
        this.settings = settings;
        this.recipients = recipients;
        this.email = email;
        this.clock = clock;
    }

    /** Keeps a notification for {@code subject}'s next digest; once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(String subject, DigestFrequency frequency, String eventId, String eventType, String title, String link) {
        em.createNativeQuery("""
                insert into digest_item (id, tenant_id, subject, frequency, event_id, event_type, title, link, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (tenant_id, subject, event_id) do nothing""")
                .setParameter(1, Ids.next()).setParameter(2, caller.requireTenant()).setParameter(3, subject)
                .setParameter(4, frequency.name()).setParameter(5, eventId).setParameter(6, eventType).setParameter(7, title)
                .setParameter(8, link).setParameter(9, clock.instant()).executeUpdate();
    }

    /** Members with items waiting, across tenants. */
    @Transactional
    public List<Waiting> waiting() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select distinct tenant_id, subject, frequency from digest_item where digest_key is null""").getResultList();
        return rows.stream().map(r -> new Waiting((String) r[0], (String) r[1], DigestFrequency.valueOf((String) r[2]))).toList();
    }

    /**
     * Sends {@code waiting}'s digest if it is due at their local time and was not sent for this period.
     *
     * @return whether this call sent it
     */
    @ActivateRequestContext
    @Transactional
    public boolean sendIfDue(Waiting waiting) {
        caller.actAsTenant(waiting.tenantId());
        Optional<People.Person> person = people.of(waiting.subject());
        DeliverySettings mine = settings.of(waiting.subject())
                .orElseGet(() -> DeliverySettings.defaultsIn(person.map(People.Person::timeZone).orElse(null)));
        Instant now = clock.instant();
        Optional<String> key = DigestSchedule.dueKey(waiting.frequency(), ZoneId.of(mine.timeZone()), mine.digestTime(),
                mine.weeklyDigestDay(), now);
        if (key.isEmpty()) {
            return false;
        }
        int first = em.createNativeQuery("""
                        insert into digest_run (tenant_id, subject, digest_key, sent_at) values (?1, ?2, ?3, ?4)
                        on conflict do nothing""")
                .setParameter(1, waiting.tenantId()).setParameter(2, waiting.subject()).setParameter(3, key.get())
                .setParameter(4, now).executeUpdate();
        if (first == 0) {
            return false; // sent already for this period (here or by another replica): new items wait for the next
        }
        @SuppressWarnings("unchecked")
        List<Object[]> items = em.createNativeQuery("""
                        update digest_item set digest_key = ?4
                        where tenant_id = ?1 and subject = ?2 and frequency = ?3 and digest_key is null
                        returning title, created_at""")
                .setParameter(1, waiting.tenantId()).setParameter(2, waiting.subject())
                .setParameter(3, waiting.frequency().name()).setParameter(4, key.get()).getResultList();
        Optional<PlanRecipient> member = recipients.anyMembership(waiting.subject());
        if (items.isEmpty() || member.isEmpty() || person.isEmpty()) {
            return false;
        }
        String locale = mine.locale() != null ? mine.locale() : person.get().locale();
        String kind = waiting.frequency().name().toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> params = Map.of("count", items.size());
        String title = Wording.message(locale, "digest." + kind + ".title" + (items.size() == 1 ? ".one" : ""), params);
        String body = Wording.message(locale, "digest.body", params);
        List<String> lines = items.stream().map(r -> (String) r[0]).toList();
        // Due at once: the delivery queue runs on the database's real time, which a clock moved ahead
        // (an e2e scenario) must not push the digest beyond.
        return email.queue(person.get(), locale, "digest:" + key.get(), "digest",
                new EmailContent(person.get().displayName(), title, body, "/api/v1/notifications/inbox", null, lines), Instant.now());
    }
}
