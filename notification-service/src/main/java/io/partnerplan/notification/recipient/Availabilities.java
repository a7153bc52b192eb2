package io.partnerplan.notification.recipient;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.events.PoisonEventException;
import io.partnerplan.platform.security.Caller;

/** Members' out-of-office periods and delegates, copied from calendar-service's availability.changed. */
@ApplicationScoped
public class Availabilities {

    /** Who stands in for an absent member, and until when (inclusive). */
    public record Away(String subject, String delegate, LocalDate until) {
    }

    private final EntityManager em;
    private final Caller caller;

    public Availabilities(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** What this service reads of availability.changed: who is away when, and who stands in. */
    record Changed(UUID availabilityId, UUID organisationId, String subject, String delegateSubject, LocalDate startsOn,
                   LocalDate endsOn, String status, String note) {
        Changed {
            IncomingEvent.required(availabilityId, "availabilityId");
            IncomingEvent.required(organisationId, "organisationId");
            IncomingEvent.required(subject, "subject");
            IncomingEvent.required(startsOn, "startsOn");
            IncomingEvent.required(endsOn, "endsOn");
            IncomingEvent.required(status, "status");
            if (endsOn.isBefore(startsOn)) {
                throw new PoisonEventException("availability.changed data has endsOn before startsOn");
            }
            if (!List.of("DECLARED", "UPDATED", "CANCELLED").contains(status)) {
                throw new PoisonEventException("availability.changed data has an unknown status " + status);
            }
            if (delegateSubject != null && delegateSubject.isBlank()) {
                delegateSubject = null;
            }
        }
    }

    /** Each event carries the whole availability, so the latest one simply replaces the copy. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(IncomingEvent event) {
        Changed away = event.dataAs(Changed.class);
        em.createNativeQuery("""
                insert into availability (availability_id, tenant_id, organisation_id, subject, delegate_subject,
                                          starts_on, ends_on, status, note, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (availability_id) do update set organisation_id = excluded.organisation_id,
                    subject = excluded.subject, delegate_subject = excluded.delegate_subject, starts_on = excluded.starts_on,
                    ends_on = excluded.ends_on, status = excluded.status, note = excluded.note, updated_at = excluded.updated_at
                where availability.tenant_id = excluded.tenant_id and availability.updated_at <= excluded.updated_at""")
                .setParameter(1, away.availabilityId()).setParameter(2, caller.requireTenant())
                .setParameter(3, away.organisationId()).setParameter(4, away.subject())
                .setParameter(5, away.delegateSubject()).setParameter(6, away.startsOn()).setParameter(7, away.endsOn())
                .setParameter(8, away.status())
                .setParameter(9, away.note())
                .setParameter(10, event.time())
                .executeUpdate();
    }

    /**
     * The delegate of {@code subject} on {@code day}, if they are away then and named one. Only an
     * absence declared in the organisation the member represents on this plan counts, and only a
     * delegate known as a member of that same organisation: nobody redirects another
     * organisation's notifications to themselves by declaring an absence for a name they chose.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Away> away(UUID planId, String subject, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select a.delegate_subject, a.ends_on from availability a
                join plan_recipient m on m.tenant_id = a.tenant_id and m.plan_id = ?4 and m.subject = a.subject
                                     and m.organisation_id = a.organisation_id
                where a.tenant_id = ?1 and a.subject = ?2 and a.status <> 'CANCELLED' and a.starts_on <= ?3 and a.ends_on >= ?3
                  and a.delegate_subject is not null and a.delegate_subject <> a.subject
                  and exists (select 1 from plan_recipient d where d.tenant_id = a.tenant_id
                              and d.subject = a.delegate_subject and d.organisation_id = a.organisation_id)
                order by a.updated_at desc limit 1""")
                .setParameter(1, caller.requireTenant()).setParameter(2, subject).setParameter(3, day)
                .setParameter(4, planId).getResultList();
        return rows.stream().findFirst().map(r -> new Away(subject, (String) r[0], r[1] instanceof LocalDate d ? d : ((java.sql.Date) r[1]).toLocalDate()));
    }
}
