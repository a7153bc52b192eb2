package io.partnerplan.calendar.period;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The tenants that have at least one agreed Mutual Operating Period: where the scheduled period jobs
 * (announcements, closing-window conflicts) have work. Deliberately across tenants; each job then acts
 * as one tenant at a time.
 */
@ApplicationScoped
public class AgreedMopTenants {

    private final EntityManager em;

    public AgreedMopTenants(EntityManager em) {
        this.em = em;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> list() {
        return em.createNativeQuery("select distinct tenant_id from mutual_operating_period where status = 'AGREED'")
                .getResultList();
    }
}
