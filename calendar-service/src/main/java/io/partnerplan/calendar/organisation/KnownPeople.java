package io.partnerplan.calendar.organisation;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.security.Caller;

/**
 * Which organisation each person belongs to, learnt from plan-service's directory ({@code person.upserted}):
 * a person is met there in their own verified token or upserted by their organisation's integration client.
 */
@ApplicationScoped
public class KnownPeople {

    private final EntityManager em;
    private final Caller caller;

    public KnownPeople(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** From the consumer, in the event's tenant: a newer version of the person replaces an older one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void learn(IncomingEvent event) {
        Upserted person = event.dataAs(Upserted.class);
        em.createNativeQuery("""
                insert into known_person (tenant_id, subject, organisation_id, version) values (?1, ?2, ?3, ?4)
                on conflict (tenant_id, subject) do update set organisation_id = excluded.organisation_id, version = excluded.version
                where known_person.version < excluded.version""")
                .setParameter(1, event.tenantId()).setParameter(2, person.subject())
                .setParameter(3, person.organisationId()).setParameter(4, person.version() == null ? 0L : person.version())
                .executeUpdate();
    }

    /** What the calendar reads of person.upserted: whose person they are. */
    record Upserted(String subject, UUID organisationId, Long version) {
        Upserted {
            IncomingEvent.required(subject, "subject");
            IncomingEvent.required(organisationId, "organisationId");
        }
    }

    /** Whether the directory knows {@code subject} as a person of an organisation other than {@code organisation}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean belongsElsewhere(String subject, UUID organisation) {
        return !em.createNativeQuery("select 1 from known_person where tenant_id = ?1 and subject = ?2 and organisation_id <> ?3")
                .setParameter(1, caller.requireTenant()).setParameter(2, subject).setParameter(3, organisation)
                .getResultList().isEmpty();
    }

    /** Whether the directory knows {@code subject} as a person of {@code organisation} in the caller's tenant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean belongsTo(String subject, UUID organisation) {
        return !em.createNativeQuery("select 1 from known_person where tenant_id = ?1 and subject = ?2 and organisation_id = ?3")
                .setParameter(1, caller.requireTenant()).setParameter(2, subject).setParameter(3, organisation)
                .getResultList().isEmpty();
    }
}
