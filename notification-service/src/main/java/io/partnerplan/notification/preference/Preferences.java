package io.partnerplan.notification.preference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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

    /** Whether {@code subject} wants {@code eventType} on {@code channel}; in the caller's (or event's) tenant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean allows(String subject, String eventType, PersonalChannel channel) {
        List<?> off = em.createNativeQuery("""
                select 1 from notification_preference
                where tenant_id = ?1 and subject = ?2 and event_type = ?3 and channel = ?4 and not enabled""")
                .setParameter(1, caller.requireTenant()).setParameter(2, subject).setParameter(3, eventType)
                .setParameter(4, channel.name()).getResultList();
        return off.isEmpty();
    }

    /** The caller's whole matrix: every event type of the catalogue on every personal channel. */
    @Transactional
    public List<PreferenceView> mine() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select event_type, channel, enabled from notification_preference where tenant_id = ?1 and subject = ?2""")
                .setParameter(1, caller.requireTenant()).setParameter(2, caller.subject()).getResultList();
        Map<String, Boolean> chosen = new HashMap<>();
        rows.forEach(r -> chosen.put(r[0] + "/" + r[1], (Boolean) r[2]));
        List<PreferenceView> all = new ArrayList<>();
        for (String type : EventCatalogue.SUBSCRIBABLE) {
            for (PersonalChannel channel : PersonalChannel.values()) {
                Boolean enabled = chosen.get(type + "/" + channel.name());
                all.add(new PreferenceView(type, channel, enabled == null || enabled, enabled == null));
            }
        }
        return all;
    }

    @Transactional
    public PreferenceView set(String channel, String eventType, boolean enabled) {
        PersonalChannel on = validate(channel, eventType);
        em.createNativeQuery("""
                insert into notification_preference (tenant_id, subject, event_type, channel, enabled, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (tenant_id, subject, event_type, channel) do update set enabled = excluded.enabled, updated_at = excluded.updated_at""")
                .setParameter(1, caller.requireTenant()).setParameter(2, caller.subject()).setParameter(3, eventType)
                .setParameter(4, on.name()).setParameter(5, enabled).setParameter(6, Instant.now()).executeUpdate();
        return new PreferenceView(eventType, on, enabled, false);
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
