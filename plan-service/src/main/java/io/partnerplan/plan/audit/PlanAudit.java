package io.partnerplan.plan.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.security.Caller;

/**
 * Who changed what and when, per plan. Every plan event the outbox records is copied into the trail
 * by a database trigger in the same transaction (V11); {@link #record} is for the few changes that
 * publish no event.
 */
@ApplicationScoped
public class PlanAudit {

    private final EntityManager em;
    private final PlanService plans;
    private final Caller caller;
    private final ObjectMapper json;

    public PlanAudit(EntityManager em, PlanService plans, Caller caller, ObjectMapper json) {
        this.em = em;
        this.plans = plans;
        this.caller = caller;
        this.json = json;
    }

    /** Newest first, in the order written; the cursor names the last entry seen. */
    @Transactional
    public Page<AuditEntryView> list(UUID planId, PageRequest page) {
        plans.requireVisible(planId);
        var query = page.after()
                .map(after -> em.createQuery("""
                                from AuditEntry where planId = ?1
                                and seq < (select a.seq from AuditEntry a where a.id = ?2) order by seq desc""", AuditEntry.class)
                        .setParameter(1, planId).setParameter(2, after))
                .orElseGet(() -> em.createQuery("from AuditEntry where planId = ?1 order by seq desc", AuditEntry.class)
                        .setParameter(1, planId));
        return Page.of(query.setMaxResults(page.limit() + 1).getResultList(), page, a -> a.id, AuditEntryView::of);
    }

    /** An audit row for a change that publishes no event, in the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID planId, String change, String entityId, String summary, Object data) {
        AuditEntry entry = new AuditEntry();
        entry.id = Ids.next();
        entry.planId = planId;
        entry.change = change;
        entry.entityId = entityId;
        entry.summary = summary;
        try {
            entry.data = json.readTree(json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        entry.actor = caller.subject();
        entry.occurredAt = Instant.now();
        em.persist(entry);
    }
}
