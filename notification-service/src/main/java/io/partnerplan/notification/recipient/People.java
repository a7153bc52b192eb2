package io.partnerplan.notification.recipient;

import java.util.List;
import java.util.Optional;

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

    @Transactional(Transactional.TxType.MANDATORY)
    public void learn(IncomingEvent event) {
        em.createNativeQuery("""
                insert into person (tenant_id, subject, person_id, organisation_id, display_name, email, locale, time_zone,
                                    version, learned_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, now())
                on conflict (tenant_id, subject) do update
                set person_id = excluded.person_id, organisation_id = excluded.organisation_id,
                    display_name = excluded.display_name, email = excluded.email, locale = excluded.locale,
                    time_zone = excluded.time_zone, version = excluded.version, learned_at = excluded.learned_at
                where person.version < excluded.version or person.person_id <> excluded.person_id""")
                .setParameter(1, event.tenantId()).setParameter(2, event.text("subject"))
                .setParameter(3, event.uuid("id")).setParameter(4, event.uuid("organisationId"))
                .setParameter(5, event.text("displayName"))
                .setParameter(6, event.data().path("email").asText(null))
                .setParameter(7, event.data().path("locale").asText(null))
                .setParameter(8, event.data().path("timeZone").asText(null))
                .setParameter(9, event.data().path("version").asLong(0))
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
