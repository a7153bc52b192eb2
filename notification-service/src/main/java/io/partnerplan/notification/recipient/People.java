package io.partnerplan.notification.recipient;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.security.Caller;

/**
 * The people of the tenant's directory, learnt from plan-service's {@code person.upserted}: where a
 * recipient's email goes, in which language and time zone. A membership carries none of it, so
 * whoever adds someone to a plan cannot redirect their mail.
 */
@ApplicationScoped
public class People {

    private final EntityManager em;
    private final Caller caller;

    public People(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** A person as the directory says they are now; a newer version replaces an older one, never the reverse. */
    public record Person(String subject, String displayName, String email, String locale, String timeZone) {
    }

    /** What this service reads of person.upserted: where and how to reach the person, and the version. */
    record Upserted(UUID id, String subject, UUID organisationId, String displayName, String email, String locale,
                    String timeZone, Long version) {
        Upserted {
            IncomingEvent.required(id, "id");
            IncomingEvent.required(subject, "subject");
            IncomingEvent.required(organisationId, "organisationId");
            IncomingEvent.required(displayName, "displayName");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void learn(IncomingEvent event) {
        Upserted person = event.dataAs(Upserted.class);
        em.createNativeQuery("""
                insert into person (tenant_id, subject, person_id, organisation_id, display_name, email, locale, time_zone,
                                    version, learned_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, now())
                on conflict (tenant_id, subject) do update
                set person_id = excluded.person_id, organisation_id = excluded.organisation_id,
                    display_name = excluded.display_name, email = excluded.email, locale = excluded.locale,
                    time_zone = excluded.time_zone, version = excluded.version, learned_at = excluded.learned_at
                where person.version < excluded.version or person.person_id <> excluded.person_id""")
                .setParameter(1, event.tenantId()).setParameter(2, person.subject())
                .setParameter(3, person.id()).setParameter(4, person.organisationId())
                .setParameter(5, person.displayName())
                .setParameter(6, person.email())
                .setParameter(7, person.locale())
                .setParameter(8, person.timeZone())
                .setParameter(9, person.version() == null ? 0L : person.version())
                .executeUpdate();
    }

    /** {@code subject} as the current tenant's directory says they are, if it has told us. */
    public Optional<Person> of(String subject) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select subject, display_name, email, locale, time_zone from person where tenant_id = ?1 and subject = ?2""")
                .setParameter(1, caller.requireTenant()).setParameter(2, subject).getResultList();
        return rows.stream().findFirst().map(r -> new Person((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]));
    }
}
