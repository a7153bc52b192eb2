package io.partnerplan.notification.preference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.notification.routing.DefaultRouting;
import io.partnerplan.notification.webhook.EventCatalogue;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/** Members' channel choices per event type: every channel is on unless the member turned it off. */
@ApplicationScoped
public class Preferences {

    private final EntityManager em;
    private final Caller caller;

    public Preferences(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** What a member chose for one event type: each channel on unless turned off, email at once unless a digest. */
    public record Choices(boolean inbox, boolean email, DigestFrequency emailFrequency) {

        public boolean allows(PersonalChannel channel) {
            return channel == PersonalChannel.INBOX ? inbox : email;
        }
    }

    /**
     * {@code subject}'s choices for {@code eventType} on every personal channel, in one query (a notified
     * member's inbox, email and digest choice used to cost three); in the caller's (or event's) tenant.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Choices of(String subject, String eventType) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select channel, enabled, frequency from notification_preference
                where tenant_id = ?1 and subject = ?2 and event_type = ?3""")
                .setParameter(1, caller.requireTenant()).setParameter(2, subject).setParameter(3, eventType).getResultList();
        boolean inbox = true;
        boolean email = true;
        DigestFrequency frequency = DigestFrequency.IMMEDIATE;
        for (Object[] row : rows) {
            boolean enabled = (Boolean) row[1];
            if (PersonalChannel.INBOX.name().equals(row[0])) {
                inbox = enabled;
            } else if (PersonalChannel.EMAIL.name().equals(row[0])) {
                email = enabled;
                frequency = DigestFrequency.valueOf((String) row[2]);
            }
        }
        return new Choices(inbox, email, frequency);
    }

    /** The caller's whole matrix: every event type of the catalogue on every personal channel. */
    @Transactional
    public List<PreferenceView> mine() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select event_type, channel, enabled, frequency from notification_preference where tenant_id = ?1 and subject = ?2""")
                .setParameter(1, caller.requireTenant()).setParameter(2, caller.subject()).getResultList();
        Map<String, Object[]> chosen = new HashMap<>();
        rows.forEach(r -> chosen.put(r[0] + "/" + r[1], r));
        List<PreferenceView> all = new ArrayList<>();
        for (String type : EventCatalogue.SUBSCRIBABLE) {
            for (PersonalChannel channel : PersonalChannel.values()) {
                Object[] row = chosen.get(type + "/" + channel.name());
                all.add(row == null ? new PreferenceView(type, channel, true, true, DigestFrequency.IMMEDIATE)
                        : new PreferenceView(type, channel, (Boolean) row[2], false, DigestFrequency.valueOf((String) row[3])));
            }
        }
        return all;
    }

    @Transactional
    public PreferenceView set(String channel, String eventType, boolean enabled, DigestFrequency delivery) {
        PersonalChannel on = validate(channel, eventType);
        DigestFrequency frequency = delivery == null ? DigestFrequency.IMMEDIATE : delivery;
        if (on != PersonalChannel.EMAIL && frequency != DigestFrequency.IMMEDIATE) {
            throw ProblemException.badRequest("delivery", "digests are for EMAIL; the inbox always gets items at once");
        }
        if (!enabled && on == PersonalChannel.INBOX && DefaultRouting.mandatory(eventType)) {
            throw ProblemException.badRequest("enabled", "'" + eventType
                    + "' is mandatory: it always reaches your inbox (you may still turn its email off)");
        }
        em.createNativeQuery("""
                insert into notification_preference (tenant_id, subject, event_type, channel, enabled, updated_at, frequency)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (tenant_id, subject, event_type, channel) do update set enabled = excluded.enabled,
                    updated_at = excluded.updated_at, frequency = excluded.frequency""")
                .setParameter(1, caller.requireTenant()).setParameter(2, caller.subject()).setParameter(3, eventType)
                .setParameter(4, on.name()).setParameter(5, enabled).setParameter(6, Instant.now())
                .setParameter(7, frequency.name()).executeUpdate();
        return new PreferenceView(eventType, on, enabled, false, frequency);
    }

    /** Back to the default (on). */
    @Transactional
    public void reset(String channel, String eventType) {
        PersonalChannel on = validate(channel, eventType);
        em.createNativeQuery("delete from notification_preference where tenant_id = ?1 and subject = ?2 and event_type = ?3 and channel = ?4")
                .setParameter(1, caller.requireTenant()).setParameter(2, caller.subject()).setParameter(3, eventType)
                .setParameter(4, on.name()).executeUpdate();
    }

    private static PersonalChannel validate(String channel, String eventType) {
        PersonalChannel on;
        try {
            on = PersonalChannel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("channel", "must be one of INBOX, EMAIL");
        }
        if (!EventCatalogue.SUBSCRIBABLE.contains(eventType)) {
            throw ProblemException.badRequest("eventType", "unknown event type '" + eventType + "'");
        }
        return on;
    }
}
