package io.partnerplan.calendar.organisation;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/**
 * The organisations of each tenant, learnt from plan-service's {@code organisation.created} and
 * {@code organisation.updated}, with their kind. Every calendar resource that names an organisation answers 404 for
 * one its caller's tenant does not have, as for any other tenant's data, and for another partner's
 * organisation to a partner's caller ({@link #requireVisible}).
 * <p>
 * An organisation created a moment ago may not have arrived yet (outbox → Kafka → this consumer,
 * usually milliseconds): a client that creates an organisation and sets its fiscal calendar right
 * after must not see a 404 for it. Organisation ids are time-ordered (UUID version 7), so an id that
 * has arrived in no tenant yet and was minted within the last {@link #FRESH} is waited for, up to
 * {@link #ARRIVAL_WAIT}; any other unknown id (another tenant's, an old or made-up one) is refused at
 * once, so probing costs no wait.
 */
@ApplicationScoped
public class KnownOrganisations {

    /** How recently an unknown organisation's id must have been minted to be waited for. */
    static final Duration FRESH = Duration.ofSeconds(30);
    /** The longest a request waits for a fresh organisation's announcement. */
    static final Duration ARRIVAL_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 25;

    private final EntityManager em;
    private final Caller caller;

    public KnownOrganisations(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** From the consumer, in the event's tenant: a newer version of the organisation replaces an older one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void learn(IncomingEvent event) {
        Announced organisation = event.dataAs(Announced.class);
        em.createNativeQuery("""
                insert into known_organisation (tenant_id, organisation_id, name, kind, time_zone, version, learned_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, now())
                on conflict (tenant_id, organisation_id) do update
                set name = excluded.name, kind = excluded.kind, time_zone = excluded.time_zone,
                    version = excluded.version, learned_at = excluded.learned_at
                where known_organisation.version < excluded.version""")
                .setParameter(1, event.tenantId()).setParameter(2, organisation.id())
                .setParameter(3, organisation.name())
                .setParameter(4, organisation.kind())
                .setParameter(5, organisation.timeZone())
                .setParameter(6, organisation.version() == null ? 0L : organisation.version())
                .executeUpdate();
    }

    /** What the calendar reads of organisation.created and organisation.updated. */
    record Announced(UUID id, String name, String kind, String timeZone, Long version) {
        Announced {
            IncomingEvent.required(id, "id");
        }
    }

    /** 404 unless every organisation is one of the caller's tenant (a fresh one is waited for briefly). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void require(UUID... organisations) {
        String tenant = caller.requireTenant();
        for (UUID organisation : organisations) {
            Boolean ours = arrived(tenant, organisation);
            if (ours == null ? !arrives(tenant, organisation) : !ours) {
                throw ProblemException.notFound("Organisation", organisation);
            }
        }
    }

    /**
     * 404 unless the organisation is the caller's tenant's and in the caller's world: a partner's people
     * and clients see their own organisation and the vendor, nothing of other partners; the vendor's
     * people and tenant-wide callers (no organisation in their token) see every organisation.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireVisible(UUID organisation) {
        require(organisation);
        java.util.Optional<UUID> confined = confinedTo();
        if (confined.isPresent() && !confined.get().equals(organisation) && !"VENDOR".equals(kind(organisation))) {
            throw ProblemException.notFound("Organisation", organisation);
        }
    }

    /** The partner organisation the caller is confined to: theirs, unless it is the vendor (or they have none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<UUID> confinedTo() {
        return caller.organisation().filter(mine -> !"VENDOR".equals(kind(mine)));
    }

    private String kind(UUID organisation) {
        java.util.List<?> kinds = em.createNativeQuery("select kind from known_organisation where tenant_id = ?1 and organisation_id = ?2")
                .setParameter(1, caller.requireTenant()).setParameter(2, organisation).getResultList();
        return kinds.isEmpty() ? null : (String) kinds.get(0);
    }

    private boolean arrives(String tenant, UUID organisation) {
        if (organisation.version() != 7) {
            return false;
        }
        long mintedAt = organisation.getMostSignificantBits() >>> 16;
        long now = System.currentTimeMillis();
        long deadline = Math.min(now + ARRIVAL_WAIT.toMillis(), mintedAt + FRESH.toMillis());
        if (mintedAt > now + 1_000 || deadline <= now) {
            return false;
        }
        while (System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            Boolean ours = arrived(tenant, organisation);
            if (ours != null) {
                return ours;
            }
        }
        return false;
    }

    /** Whether the organisation is the tenant's; null when it has not arrived in any tenant. */
    private Boolean arrived(String tenant, UUID organisation) {
        java.util.List<?> tenants = em.createNativeQuery("select tenant_id from known_organisation where organisation_id = ?1")
                .setParameter(1, organisation).getResultList();
        return tenants.isEmpty() ? null : tenants.contains(tenant);
    }
}
