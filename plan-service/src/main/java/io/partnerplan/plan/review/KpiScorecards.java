package io.partnerplan.plan.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.events.IncomingEvent;

/**
 * plan-service's own copy of each plan's latest KPI scorecard (kpi.scorecard.changed), so a held
 * review keeps the figures as they stood without asking kpi-service at that moment.
 */
@ApplicationScoped
public class KpiScorecards {

    private final EntityManager em;
    private final ObjectMapper json;

    public KpiScorecards(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Keeps the summary unless a newer one (by computedAt) is already kept: events may arrive late. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(IncomingEvent event) {
        ScorecardChanged changed = event.dataAs(ScorecardChanged.class);
        UUID plan = changed.planId();
        Instant computedAt = changed.computedAt() == null ? event.time() : changed.computedAt();
        em.createNativeQuery("""
                        insert into kpi_scorecard (plan_id, tenant_id, computed_at, summary, received_at)
                        values (?1, ?2, ?3, cast(?4 as jsonb), now())
                        on conflict (plan_id) do update set computed_at = excluded.computed_at, summary = excluded.summary,
                            received_at = excluded.received_at
                        where kpi_scorecard.tenant_id = excluded.tenant_id and kpi_scorecard.computed_at <= excluded.computed_at""")
                .setParameter(1, plan).setParameter(2, event.tenantId()).setParameter(3, computedAt)
                .setParameter(4, event.data().toString()).executeUpdate();
    }

    /** What is read of kpi.scorecard.changed to order summaries; the summary itself is kept whole. */
    record ScorecardChanged(UUID planId, Instant computedAt) {
        ScorecardChanged {
            IncomingEvent.required(planId, "planId");
        }
    }

    /** The plan's latest scorecard, or null when none was received. */
    JsonNode latest(String tenant, UUID plan) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select cast(summary as text) from kpi_scorecard where plan_id = ?1 and tenant_id = ?2")
                .setParameter(1, plan).setParameter(2, tenant).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        try {
            return json.readTree((String) rows.get(0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("kpi_scorecard of plan " + plan + " is not JSON", e);
        }
    }
}
